"""pydantic models (django-ninja's ``Schema`` and ``ModelSchema`` are pydantic models): constructing
one runs its validators in the calling thread.

``RefreshOut(**data)`` in an async function runs every ``@validator``/``@root_validator`` (pydantic
1) and ``@field_validator``/``@model_validator`` (pydantic 2) of the class there, so a validator
that queries (a token blacklisted, a related row looked up) queries on the event loop
(``missing-sync-to-async``; held-out case ninjajwt_refresh_schema_validator). Read in pydantic 1.10
and 2.x: ``BaseModel.__init__`` validates through the class's validators synchronously; an async
validator does not exist.
"""

from __future__ import annotations

#: The model bases whose construction validates (qualified names as imports spell them).
MODEL_BASES = frozenset({
    "pydantic.BaseModel", "pydantic.main.BaseModel",
    "ninja.Schema", "ninja.schema.Schema", "ninja.ModelSchema", "ninja.orm.ModelSchema",
})
#: The decorators that make a method one of a model's validators.
VALIDATORS = frozenset({
    "pydantic.validator", "pydantic.root_validator", "pydantic.field_validator", "pydantic.model_validator",
    "pydantic.class_validators.validator", "pydantic.class_validators.root_validator",
    "pydantic.functional_validators.field_validator", "pydantic.functional_validators.model_validator",
})
