"""Recall reduction (recall22): django-unicorn issue #19 ('Investigate using async view for message
endpoint'), a user's async component action on 0.52.0: ``async def submit_form(self)`` calls
``sleep(3)`` imported from asyncio without awaiting it (the coroutine is dropped: no pause, a
RuntimeWarning), then sets the component's text. The reporter saw the action fail (unicorn 0.52.0
calls actions synchronously) and worked around it with ``async_to_sync``. Our own minimal rewrite."""

from asyncio import sleep

from django_unicorn.components import UnicornView


class ContactFormView(UnicornView):
    text = ""

    async def submit_form(self):
        sleep(3)  # [async-call-not-awaited]
        self.text = "done"
