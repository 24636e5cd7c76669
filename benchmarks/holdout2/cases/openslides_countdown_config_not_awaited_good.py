"""Fixed: both reads are awaited."""

from typing import Any, Dict


async def read_option(data: Dict[str, Any], key: str) -> Any:
    return data["options"].get(key)


async def countdown_slide(data: Dict[str, Any], element: Dict[str, Any]) -> Dict[str, Any]:
    countdown = data["countdowns"][element["id"]]
    return {
        "description": countdown["description"],
        "running": countdown["running"],
        "warning_time": await read_option(data, "countdown_warning_time"),
        "show_seconds": await read_option(data, "countdown_show_seconds"),
    }
