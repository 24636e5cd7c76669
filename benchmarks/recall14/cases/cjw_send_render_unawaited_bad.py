"""Recall reduction (recall14): a worker coroutine waits, then calls the project's own ``async def`` that
publishes a render job to the message broker, without ``await``: the coroutine is dropped and the render
is never queued. Our own minimal rewrite of the shape, not upstream code."""

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
    queue_render(workflow_id, delta_id)  # [async-call-not-awaited]
