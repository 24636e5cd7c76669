"""Fixed shape: the helper is a coroutine using Elasticsearch's async client, and is awaited."""

from django.conf import settings
from elasticsearch import AsyncElasticsearch

if settings.ENABLE_KEYWORD_SEARCH:
    async_es = AsyncElasticsearch(settings.ES_HOST)


async def search_document(index, keywords, topk=3):
    exists = await async_es.indices.exists(index=index)
    if not exists.body:
        return []
    query = {"bool": {"should": [{"match": {"content": k}} for k in keywords]}}
    response = await async_es.search(index=index, query=query, size=topk)
    return [hit["_source"] for hit in response.body["hits"]["hits"]]


class KeywordPipeline:
    def __init__(self, index, topk=3):
        self.index = index
        self.topk = topk

    async def run(self, message, keywords):
        names = {}
        if keywords:
            for doc in await search_document(self.index, keywords, self.topk * 3):
                names[doc["name"]] = doc["content"]
        yield f"{message}: {len(names)} documents"
