"""A countdown slide reads one option through an async config getter and awaits it, but not the
second: a coroutine lands in the JSON payload (and is never awaited)."""

from typing import Any, Dict


async def read_option(data: Dict[str, Any], key: str) -> Any:
    return data["options"].get(key)


async def countdown_slide(data: Dict[str, Any], element: Dict[str, Any]) -> Dict[str, Any]:
    countdown = data["countdowns"][element["id"]]
    return {
        "description": countdown["description"],
        "running": countdown["running"],
        "warning_time": read_option(data, "countdown_warning_time"),  # [async-call-not-awaited]
        "show_seconds": await read_option(data, "countdown_show_seconds"),
    }
