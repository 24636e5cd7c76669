"""A RAG chat pipeline (an async generator streamed to the browser under uvicorn) looks up documents
by keyword through a project helper that queries Elasticsearch with the module's sync client. The
client is created at import time only when keyword search is enabled in settings. Every keyword
search was a blocking HTTP round trip on the event loop."""

from django.conf import settings
from elasticsearch import Elasticsearch

if settings.ENABLE_KEYWORD_SEARCH:
    es = Elasticsearch(settings.ES_HOST)


def search_document(index, keywords, topk=3):
    if not es.indices.exists(index=index).body:
        return []
    query = {"bool": {"should": [{"match": {"content": k}} for k in keywords]}}
    response = es.search(index=index, query=query, size=topk)
    return [hit["_source"] for hit in response.body["hits"]["hits"]]


class KeywordPipeline:
    def __init__(self, index, topk=3):
        self.index = index
        self.topk = topk

    async def run(self, message, keywords):
        names = {}
        if keywords:
            for doc in search_document(self.index, keywords, self.topk * 3):  # [missing-sync-to-async]
                names[doc["name"]] = doc["content"]
        yield f"{message}: {len(names)} documents"
