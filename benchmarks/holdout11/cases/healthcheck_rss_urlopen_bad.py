"""A status-page check, declared `async def run`, reads a provider's RSS feed with the standard
library's urllib: the HTTP request blocks the event loop for up to the check's timeout."""

import dataclasses
import datetime
import urllib.request
from xml.etree import ElementTree


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class StatusFeed:
    url: str
    timeout: datetime.timedelta = datetime.timedelta(seconds=10)

    async def run(self):
        req = urllib.request.Request(self.url, headers={"User-Agent": "status-probe"})
        with urllib.request.urlopen(req, timeout=self.timeout.total_seconds()) as resp:  # [blocking-call-in-async]
            body = resp.read()
        root = ElementTree.fromstring(body)
        if root.find("channel/item") is not None:
            raise CheckFailed("recent incident")
