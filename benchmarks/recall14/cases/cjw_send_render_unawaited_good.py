"""Fixed shape of cjw_send_render_unawaited_bad.py: the publish is awaited."""

import asyncio

import aio_pika


async def queue_render(workflow_id: int, delta_id: int) -> None:
    connection = await aio_pika.connect_robust("amqp://rabbitmq/")
    async with connection:
        channel = await connection.channel()
        body = f"{workflow_id}:{delta_id}".encode()
        await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key="render")


async def send_render(workflow_id: int, delta_id: int) -> None:
    await asyncio.sleep(0.5)
    await queue_render(workflow_id, delta_id)
