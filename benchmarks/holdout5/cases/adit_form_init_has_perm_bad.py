"""A Channels consumer builds the transfer form for every query/transfer message on the event loop;
the form's constructor asks the connected user for a permission (`user.has_perm`, which queries the
user's and groups' permissions) before the form is validated in a thread."""

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django import forms
from django.db import models


class TransferJob(models.Model):
    source = models.CharField(max_length=64)
    pseudonym = models.CharField(max_length=64, blank=True)
    urgent = models.BooleanField(default=False)


class TransferJobForm(forms.ModelForm):
    class Meta:
        model = TransferJob
        fields = ["source", "pseudonym", "urgent"]

    def __init__(self, *args, **kwargs):
        self.user = kwargs.pop("user")
        self.action = kwargs.pop("action", "")
        self.advanced_options_collapsed = kwargs.pop("advanced_options_collapsed")
        super().__init__(*args, **kwargs)
        if not self.user.has_perm("selective_transfer.can_process_urgently"):
            del self.fields["urgent"]


class SelectiveTransferConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        await self.accept()

    async def receive_json(self, content: dict[str, Any], **kwargs):
        action = content.get("action", "")
        if action not in ("query", "transfer"):
            return
        collapsed = self.user.preferences.get("advanced_options_collapsed", False)
        form = TransferJobForm(content, user=self.user, action=action, advanced_options_collapsed=collapsed)  # [missing-sync-to-async]
        form_valid = await database_sync_to_async(form.is_valid)()
        await self.send_json({"action": action, "valid": form_valid})
