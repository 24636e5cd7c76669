"""The RAG pipeline first looks for an already answered question in a vector store. A project
`ContextManager` embeds the question and searches through an adaptor whose `connector` is picked by a
`match` on the configured store type; the Qdrant connector holds a sync `QdrantClient`. The
pipeline's async generator called `query()` directly: embedding plus vector search, blocking
network I/O on the event loop."""

import qdrant_client


class QdrantConnector:
    def __init__(self, ctx):
        self.collection = ctx["collection"]
        self.client = qdrant_client.QdrantClient(url=ctx["url"])

    def search(self, vector, limit, score_threshold):
        return self.client.search(
            collection_name=self.collection, query_vector=vector, limit=limit, score_threshold=score_threshold
        )


class ConnectorAdaptor:
    def __init__(self, store_type, ctx):
        match store_type:
            case "qdrant":
                self.connector = QdrantConnector(ctx)
            case _:
                raise ValueError(store_type)


class ContextManager:
    def __init__(self, embedding_model, store_type, ctx):
        self.embedding_model = embedding_model
        self.adaptor = ConnectorAdaptor(store_type, ctx)

    def query(self, text, score_threshold=0.5, topk=3):
        vector = self.embedding_model.embed_query(text)
        return self.adaptor.connector.search(vector, limit=topk, score_threshold=score_threshold)


class KeywordPipeline:
    def __init__(self, embedding_model, ctx):
        self.qa_context_manager = ContextManager(embedding_model, "qdrant", ctx)

    async def run(self, message):
        results = self.qa_context_manager.query(message, score_threshold=0.9, topk=1)  # [missing-sync-to-async]
        if results:
            yield results[0].payload["text"]
