"""Fixed shape: the extractor holds Elasticsearch's async client and `extract()` is awaited."""

from django.conf import settings
from elasticsearch import AsyncElasticsearch


class KeywordExtractor:
    def __init__(self, ctx):
        self.ctx = ctx

    async def extract(self, text):
        raise NotImplementedError


class IKExtractor(KeywordExtractor):
    def __init__(self, ctx):
        super().__init__(ctx)
        self.client = AsyncElasticsearch(ctx.get("es_host", "http://127.0.0.1:9200"))
        self.index_name = ctx["index_name"]

    async def extract(self, text):
        exists = await self.client.indices.exists(index=self.index_name)
        if not exists.body:
            return []
        response = await self.client.indices.analyze(index=self.index_name, body={"text": text}, analyzer="ik_smart")
        return [item["token"] for item in response.body["tokens"]]


class KeywordPipeline:
    def __init__(self, index):
        self.index = index

    async def run(self, message):
        keywords = await IKExtractor({"index_name": self.index, "es_host": settings.ES_HOST}).extract(message)
        yield " | ".join(keywords)
