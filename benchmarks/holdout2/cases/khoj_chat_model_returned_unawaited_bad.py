"""An async adapter picks the user's chat model; its last fallback returns another async adapter's
coroutine without awaiting it, so the caller's single await yields a coroutine, not a model."""

from django.db import models


class ChatModel(models.Model):
    name = models.CharField(max_length=100)
    advanced = models.BooleanField(default=False)


class UserConfig(models.Model):
    user_id = models.IntegerField()
    model = models.ForeignKey(ChatModel, on_delete=models.CASCADE)


class Models:
    @staticmethod
    async def aget_default(user_id: int):
        return await ChatModel.objects.filter(advanced=False).afirst()

    @staticmethod
    async def aget_advanced(user_id: int):
        return await ChatModel.objects.filter(advanced=True).afirst()

    @staticmethod
    async def aget_for(user_id: int, subscribed: bool):
        if not subscribed:
            return await Models.aget_default(user_id)
        config = await UserConfig.objects.filter(user_id=user_id).select_related("model").afirst()
        if config:
            return config.model
        return Models.aget_advanced(user_id)  # [async-call-not-awaited]
