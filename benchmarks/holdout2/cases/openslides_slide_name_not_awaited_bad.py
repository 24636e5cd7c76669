"""A projector slide (a coroutine function) builds its payload with another project coroutine and
forgets to await it: the client receives a coroutine object's repr instead of the name."""

from typing import Any, Dict


async def display_name(data: Dict[str, Any], person_id: int) -> str:
    person = data["people"][person_id]
    return f"{person['first']} {person['last']}".strip()


async def person_slide(data: Dict[str, Any], element: Dict[str, Any]) -> Dict[str, Any]:
    person_id = element.get("id")
    if person_id is None:
        raise ValueError("id is required")
    return {"person": display_name(data, person_id)}  # [async-call-not-awaited]
