"""Fixed shape: the query runs in the loop's default executor through a small project helper."""

import asyncio
import functools

import qdrant_client


async def async_run(func, *args, **kwargs):
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))


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
        results = await async_run(self.qa_context_manager.query, message, score_threshold=0.9, topk=1)
        if results:
            yield results[0].payload["text"]
