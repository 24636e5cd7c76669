"""Fixed: asyncio.sleep."""

import asyncio


class Poller:
    def __init__(self, check):
        self.check = check
        self.running = False

    async def run(self) -> None:
        self.running = True
        while self.running:
            try:
                await self.check()
                await asyncio.sleep(10)
            except Exception as error:
                print(f"error {error}")
