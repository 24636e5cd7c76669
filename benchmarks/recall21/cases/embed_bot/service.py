"""Service layer of the embed_bot package: the post lookup is a coroutine (it awaits the downloader)."""

import dataclasses


@dataclasses.dataclass
class Post:
    url: str
    spoiler: bool = False


async def fetch_post(url, server_uid, author_uid):
    if not url.startswith("https://"):
        return None
    return Post(url=url)


def handles(url):
    return "://" in url
