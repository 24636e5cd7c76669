"""An async article fetcher resolves each article's full-text link through a sync library call
wrapped with sync_to_async, bounded with asyncio.wait_for() -- which is not awaited, so the lookup
never runs and the next line reads an attribute of a coroutine."""

import asyncio

from asgiref.sync import sync_to_async


def find_full_text(article_id: str):
    raise NotImplementedError  # a blocking third-party lookup in the real code


class Articles:
    async def links(self, ids: list, timeout: float = 30.0) -> dict:
        found = {}
        for article_id in ids:
            try:
                src = asyncio.wait_for(sync_to_async(find_full_text)(article_id), timeout=timeout / 5)  # [async-call-not-awaited]
                found[article_id] = src.url
            except Exception:
                found[article_id] = None
        return found
