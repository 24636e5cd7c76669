"""An MCP server exposing Django admin models: the tool handlers are async classmethods that
receive the model class as a parameter annotated Type[models.Model] and query it with the sync ORM
(get, then model_to_dict) on the event loop. The SynchronousOnlyOperation was caught by the broad
except and returned to the MCP client as an error message."""

import json
from typing import Any, Dict, Type

from django.db import models
from django.forms.models import model_to_dict


class MCPAdminMixin:
    @classmethod
    async def handle_get(cls, model: Type[models.Model], arguments: Dict[str, Any]) -> str:
        obj_id = arguments.get("id")
        if not obj_id:
            return json.dumps({"error": "id parameter is required"})
        try:
            obj = model.objects.get(pk=obj_id)  # [sync-orm-call-in-async]
            return json.dumps(model_to_dict(obj), default=str)
        except Exception as exc:
            return json.dumps({"error": str(exc)})
