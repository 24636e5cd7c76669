"""The fixed shape: confluent-kafka's asyncio consumer, every call awaited."""

import dataclasses

from confluent_kafka.aio import AIOConsumer


class CheckFailed(Exception):
    pass


@dataclasses.dataclass
class KafkaProbe:
    servers: list

    async def run(self):
        consumer = AIOConsumer({"bootstrap.servers": ",".join(self.servers), "group.id": "probe"})
        try:
            meta = await consumer.list_topics(timeout=5)
            if not meta or not meta.topics:
                raise CheckFailed("no topics")
        finally:
            await consumer.close()
