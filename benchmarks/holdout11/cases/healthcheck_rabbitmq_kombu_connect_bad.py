"""A broker check, declared `async def run`, opens a kombu connection to RabbitMQ: the AMQP
handshake is blocking socket I/O on the event loop."""

import dataclasses

from kombu import Connection


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class AmqpProbe:
    url: str

    async def run(self):
        try:
            with Connection(self.url) as conn:
                conn.connect()  # [blocking-call-in-async]
        except OSError as exc:
            raise CheckFailed("broker unreachable") from exc
