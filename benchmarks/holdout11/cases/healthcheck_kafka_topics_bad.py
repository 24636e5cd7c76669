"""A broker check, declared `async def run`, builds a kafka-python consumer and lists the topics:
both the bootstrap and the metadata request are blocking socket I/O on the event loop."""

import dataclasses

from kafka import KafkaConsumer


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class KafkaProbe:
    servers: list

    async def run(self):
        consumer = KafkaConsumer(bootstrap_servers=self.servers, client_id="probe", request_timeout_ms=5000)
        try:
            names = consumer.topics()  # [blocking-call-in-async]
            if names is None:
                raise CheckFailed("no topics")
        finally:
            consumer.close()
