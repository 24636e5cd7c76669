"""Management commands run by ``call_command("name", ...)``: the project module Django would load for the
name (``<app>/management/commands/<name>.py``) and the sync work its ``Command.handle()`` does.

Django looks the name up among the installed apps' ``management/commands`` folders; the project index
stands in for them: exactly one project file of that path names the command (several apps with the same
command name, or none: not known, so nothing is said about what it runs)."""

from __future__ import annotations

import os

from astroid import MANAGER, nodes
from astroid.exceptions import AstroidBuildingError

from asynclint import django_api as api
from asynclint.core import chains
from asynclint.core.django_kinds import _candidate_files, find_method


def command_name(call: nodes.Call) -> str | None:
    """The command a ``call_command(...)`` names with a string literal, else None."""
    first = call.args[0] if call.args else None
    if isinstance(first, nodes.Const) and isinstance(first.value, str) and first.value.isidentifier():
        return first.value
    return None


def command_handle(call: nodes.Call) -> nodes.FunctionDef | None:
    """The project's ``Command.handle`` that ``call_command("name")`` runs, when one file names it."""
    name = command_name(call)
    if name is None:
        return None
    suffix = os.sep + os.path.join("management", "commands", f"{name}.py")
    found = [path for path in _candidate_files(call.root().file) if path.endswith(suffix)]
    if len(found) != 1:
        return None
    try:
        module = MANAGER.ast_from_file(found[0])
    except (AstroidBuildingError, SyntaxError, OSError, ValueError):
        return None
    command = next((cls for cls in module.body if isinstance(cls, nodes.ClassDef) and cls.name == "Command"), None)
    handle = find_method(command, "handle")
    return handle if handle is not None and not isinstance(handle, nodes.AsyncFunctionDef) else None


def command_chain(call: nodes.Call, row: api.SyncApi) -> chains.Chain | None:
    """``call_command("name")`` of a project command whose ``handle()`` does sync work: the chain from
    the call through ``handle()`` down to that work (what the finding names), else None."""
    if row.name != api.CALL_COMMAND:
        return None
    handle = command_handle(call)
    work = chains.sync_work(handle) if handle is not None else None
    if work is None:
        return None
    return chains.Chain((chains.Step(call, handle), *work.steps), work.operation, possible=work.possible)


def command_note(call: nodes.Call, chain: chains.Chain | None) -> str:
    """What the message adds about the command ``call`` runs: its module and first sync work."""
    if chain is None:
        return ""
    handle = chain.steps[0].function
    where = os.path.join(*handle.root().file.split(os.sep)[-4:])
    operation = chain.operation
    raises = " (Django raises SynchronousOnlyOperation)" if operation.effect in api.ORM_EFFECTS else ""
    return (f"; it runs Command.handle() of {where}, which {api.WORK_NOUNS[operation.effect]} "
            f"({operation.shown}){raises}")
