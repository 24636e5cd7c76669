"""The same RAG pipeline extracts keywords from the question with Elasticsearch's IK analyzer: a
project class builds a sync `Elasticsearch` client in `__init__` and its `extract()` calls
`indices.exists` and `indices.analyze`. The pipeline's async generator constructs the extractor and
calls `extract()` directly, two blocking HTTP requests on the event loop per question."""

from django.conf import settings
from elasticsearch import Elasticsearch


class KeywordExtractor:
    def __init__(self, ctx):
        self.ctx = ctx

    def extract(self, text):
        raise NotImplementedError


class IKExtractor(KeywordExtractor):
    def __init__(self, ctx):
        super().__init__(ctx)
        self.es = Elasticsearch(ctx.get("es_host", "http://127.0.0.1:9200"))
        self.index_name = ctx["index_name"]

    def extract(self, text):
        if not self.es.indices.exists(index=self.index_name).body:
            return []
        response = self.es.indices.analyze(index=self.index_name, body={"text": text}, analyzer="ik_smart")
        return [item["token"] for item in response.body["tokens"]]


class KeywordPipeline:
    def __init__(self, index):
        self.index = index

    async def run(self, message):
        keywords = IKExtractor({"index_name": self.index, "es_host": settings.ES_HOST}).extract(message)  # [missing-sync-to-async]
        yield " | ".join(keywords)
