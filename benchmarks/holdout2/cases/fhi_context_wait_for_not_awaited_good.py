"""Fixed: wait_for is awaited."""

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
            context = await asyncio.wait_for(cls.literature.context_for(case_id), timeout=60)
        except asyncio.TimeoutError:
            context = None
        yield f"appeal for {case_id} using {context}"
