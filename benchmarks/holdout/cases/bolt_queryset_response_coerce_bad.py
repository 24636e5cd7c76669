"""An async API dispatcher converts whatever a handler returned into the declared response type; a
handler that returns a QuerySet has it evaluated by the sync converter on the event loop."""

from typing import Any, Callable

import msgspec


def to_response_type(value: Any, annotation: Any) -> Any:
    if hasattr(value, "model") and hasattr(value, "_iterable_class"):
        value = [msgspec.structs.asdict(item) if hasattr(item, "__struct_fields__") else item for item in value]
    return msgspec.convert(value, annotation, from_attributes=True)


async def respond(handler: Callable, request: Any, response_type: Any) -> bytes:
    result = await handler(request)
    validated = to_response_type(result, response_type)  # [missing-sync-to-async]
    return msgspec.json.encode(validated)
