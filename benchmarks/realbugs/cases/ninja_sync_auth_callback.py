"""django-ninja 907224c: async operations called a sync authentication callback directly on the loop
(the else branch of the is-async check); the fix runs it through sync_to_async. Own reduction."""

from asgiref.sync import iscoroutinefunction, sync_to_async


class AsyncOperation:
    def __init__(self, auth_callbacks):
        self.auth_callbacks = auth_callbacks

    async def run_authentication_before(self, request):
        for callback in self.auth_callbacks:
            if iscoroutinefunction(callback):
                result = await callback(request)
            else:
                result = callback(request)  # [missing-sync-to-async]
            if result:
                return result
        return None

    async def run_authentication_after(self, request):
        for callback in self.auth_callbacks:
            if iscoroutinefunction(callback):
                result = await callback(request)
            else:
                result = await sync_to_async(callback)(request)
            if result:
                return result
        return None
