"""An async generator of appeal letters looks up literature context with a timeout, but does not
await asyncio.wait_for(): it gets a coroutine (never run, no timeout applied) and hands it on."""

import asyncio


class Literature:
    async def context_for(self, case_id: int) -> str:
        await asyncio.sleep(0)
        return f"context for {case_id}"


class AppealWriter:
    literature = Literature()

    @classmethod
    async def generate(cls, case_id: int):
        try:
            context = asyncio.wait_for(cls.literature.context_for(case_id), timeout=60)  # [async-call-not-awaited]
        except asyncio.TimeoutError:
            context = None
        yield f"appeal for {case_id} using {context}"
