"""An async import calls a project geocoding helper that reads and writes the database cache and
calls a sync HTTP client: a query (SynchronousOnlyOperation) and a blocking request on the loop."""

import hashlib

import requests
from django.core.cache import caches

db_cache = caches["db"]


def cache_key(query):
    return "geocode:" + hashlib.md5(query.encode()).hexdigest()


def geocode_address(query):
    cached = db_cache.get(cache_key(query), None)
    if cached:
        return cached
    response = requests.get("https://maps.example.com/geocode", params={"q": query}, timeout=10).json()
    db_cache.set(cache_key(query), response, None)
    return response


class Importer:
    async def import_many(self, records):
        async def import_one(record):
            address = record.get("address")
            if not address:
                return None
            return geocode_address(address)  # [missing-sync-to-async]

        return [await import_one(record) for record in records]
