"""The fixed shape: the feed is read with httpx's async client."""

import dataclasses
import datetime
from xml.etree import ElementTree

import httpx


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class StatusFeed:
    url: str
    timeout: datetime.timedelta = datetime.timedelta(seconds=10)

    async def run(self):
        async with httpx.AsyncClient() as client:
            resp = await client.get(self.url, headers={"User-Agent": "status-probe"},
                                    timeout=self.timeout.total_seconds())
        root = ElementTree.fromstring(resp.text)
        if root.find("channel/item") is not None:
            raise CheckFailed("recent incident")
