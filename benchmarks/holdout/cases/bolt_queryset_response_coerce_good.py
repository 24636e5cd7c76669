from typing import Any, Callable

import msgspec


def to_response_type(value: Any, annotation: Any) -> Any:
    return msgspec.convert(value, annotation, from_attributes=True)


async def to_response_type_async(value: Any, annotation: Any) -> Any:
    if hasattr(value, "model") and hasattr(value, "_iterable_class"):
        value = [item async for item in value]
    return to_response_type(value, annotation)


async def respond(handler: Callable, request: Any, response_type: Any) -> bytes:
    result = await handler(request)
    validated = await to_response_type_async(result, response_type)
    return msgspec.json.encode(validated)
