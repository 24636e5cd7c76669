"""Fixed shape: the lookup and the serialisation run in a sync_to_async helper."""

import json
from typing import Any, Dict, Type

from asgiref.sync import sync_to_async
from django.db import models
from django.forms.models import model_to_dict


class MCPAdminMixin:
    @classmethod
    async def handle_get(cls, model: Type[models.Model], arguments: Dict[str, Any]) -> str:
        obj_id = arguments.get("id")
        if not obj_id:
            return json.dumps({"error": "id parameter is required"})

        @sync_to_async
        def load():
            return model_to_dict(model.objects.get(pk=obj_id))

        try:
            return json.dumps(await load(), default=str)
        except Exception as exc:
            return json.dumps({"error": str(exc)})
