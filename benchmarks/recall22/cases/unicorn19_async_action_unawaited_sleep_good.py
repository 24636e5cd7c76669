"""Fixed form of unicorn19_async_action_unawaited_sleep_bad.py for a library that calls actions
synchronously (unicorn 0.52.0): the action is sync and pauses with a plain sleep, which runs in the
sync request thread."""

from time import sleep

from django_unicorn.components import UnicornView


class ContactFormView(UnicornView):
    text = ""

    def submit_form(self):
        sleep(3)
        self.text = "done"
