"""Fixed: the form is built in a consumer method decorated with database_sync_to_async."""

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
        form = await self.get_form(action, content)
        form_valid = await database_sync_to_async(form.is_valid)()
        await self.send_json({"action": action, "valid": form_valid})

    @database_sync_to_async
    def get_form(self, action, content):
        collapsed = self.user.preferences.get("advanced_options_collapsed", False)
        return TransferJobForm(content, user=self.user, action=action, advanced_options_collapsed=collapsed)
