"""channels dd30456: the session middleware saved the session (a database write with the db backend)
on the loop; the fix uses database_sync_to_async(self.save_session). Own reduction."""

from channels.db import database_sync_to_async


class SessionMiddlewareInstance:
    def __init__(self, scope):
        self.scope = scope

    def save_session(self):
        self.scope["session"].save()

    async def send_before(self, message):
        if message.get("status", 200) != 500:
            self.save_session()  # [missing-sync-to-async]

    async def send_after(self, message):
        if message.get("status", 200) != 500:
            await database_sync_to_async(self.save_session)()
