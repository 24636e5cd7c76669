"""Runs this folder's case reductions (no Django needed) and prints what each does at runtime: the bad
shapes fail as cases.toml says (the error escapes the sync try/except wrapper, which also hides the
coroutine function from iscoroutinefunction(); the dropped adapter never runs the close), the good
shapes do not.

Usage: python benchmarks/pkgsweep11/prove_cases.py   (exit status 1 if a case does not behave as stated)
"""

import asyncio
import importlib.util
import inspect
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, CASES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrapper_case(name: str) -> tuple[bool, bool]:
    """(the error escaped, the method is still a coroutine function)"""
    module = load(name)
    try:
        asyncio.run(module.Cache().aset("key", 1))
        escaped = False
    except module.Interrupted:
        escaped = True
    return escaped, inspect.iscoroutinefunction(module.Cache.aset)


def close_case(name: str) -> bool:
    cache = load(name).PoolCache()
    cache.close()
    return cache.closed


def main() -> int:
    results = {
        "asyncredis_sync_wrapper_swallows_nothing_bad": (wrapper_case("asyncredis_sync_wrapper_swallows_nothing_bad"), (True, False)),
        "asyncredis_sync_wrapper_swallows_nothing_good": (wrapper_case("asyncredis_sync_wrapper_swallows_nothing_good"), (False, True)),
        "asyncredis_close_adapter_not_called_bad": (close_case("asyncredis_close_adapter_not_called_bad"), False),
        "asyncredis_close_adapter_not_called_good": (close_case("asyncredis_close_adapter_not_called_good"), True),
    }
    wrong = 0
    for name, (got, expected) in results.items():
        ok = got == expected
        wrong += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {got}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
