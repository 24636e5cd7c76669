"""A long-lived async polling actor waits between rounds with time.sleep(), blocking its loop."""

import time


class Poller:
    def __init__(self, check):
        self.check = check
        self.running = False

    async def run(self) -> None:
        self.running = True
        while self.running:
            try:
                await self.check()
                time.sleep(10)  # [blocking-call-in-async]
            except Exception as error:
                print(f"error {error}")
