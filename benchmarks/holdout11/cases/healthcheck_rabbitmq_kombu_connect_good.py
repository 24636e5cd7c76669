"""The fixed shape: aio-pika's robust connection, awaited."""

import dataclasses

import aio_pika


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class AmqpProbe:
    url: str

    async def run(self):
        try:
            conn = await aio_pika.connect_robust(self.url)
            await conn.close()
        except OSError as exc:
            raise CheckFailed("broker unreachable") from exc
