"""The persistent cache when a file appears that no earlier analysis read: a test configuration, a test
settings module, a new caller of a project method, a deployment file. Each time the warm run must report
exactly what a ``--no-cache`` run of the same tree reports (and the case must change a finding, or the
test would prove nothing)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.test_cache import MIDDLEWARE, MODELS, check, make_shop

ASYNC_TEST = textwrap.dedent("""\
    from shop.models import Book


    async def test_first_book():
        assert Book.objects.get(pk=1)
""")


def _warm_equals_no_cache(capsys) -> tuple[list[dict], tuple[int, int, int] | None]:
    code, found, counts = check(capsys, ".")
    assert (code, found) == check(capsys, ".", "--no-cache")[:2]
    return found, counts


def _symbols(found: list[dict]) -> list[tuple[str, str]]:
    return sorted((f["path"], f["symbol"]) for f in found)


def _test_project(root: Path, monkeypatch) -> None:
    make_shop(root, monkeypatch, {"__init__.py": "", "models.py": MODELS})
    (root / "shop" / "tests").mkdir()
    (root / "shop" / "tests" / "__init__.py").write_text("")
    (root / "shop" / "tests" / "test_books.py").write_text(ASYNC_TEST)


def test_a_new_pytest_ini_setting_the_settings_module_changes_nothing(capsys, tmp_path, monkeypatch):
    _test_project(tmp_path, monkeypatch)
    cold = check(capsys, ".")[1]
    assert _symbols(cold) == [("shop/tests/test_books.py", "sync-orm-call-in-async")]
    (tmp_path / "pytest.ini").write_text("[pytest]\nDJANGO_SETTINGS_MODULE = shop.settings\n")
    found, _ = _warm_equals_no_cache(capsys)
    assert found == cold


def test_a_new_test_configuration_setting_async_unsafe_silences_the_tests_queries(capsys, tmp_path, monkeypatch):
    """pytest-env's ``env =`` in a pytest.ini (or setup.cfg) that did not exist at the cold run: no
    analysis read it, so the entry must know the search for DJANGO_ALLOW_ASYNC_UNSAFE would answer
    otherwise now (``own_loop._async_unsafe_set_by``, a text query of ``cache.TEXT_QUERIES``)."""
    for name, text in (("pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = shop.settings\nenv =\n"
                                      "    DJANGO_ALLOW_ASYNC_UNSAFE=1\n"),
                       ("setup.cfg", "[tool:pytest]\nenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE=true\n")):
        root = tmp_path / name.replace(".", "_")
        root.mkdir()
        _test_project(root, monkeypatch)
        assert check(capsys, ".")[1] != [], name
        (root / name).write_text(text)
        found, counts = _warm_equals_no_cache(capsys)
        assert found == [], name
        assert counts == (0, 1, 1)
        (root / name).unlink()
        found, _ = _warm_equals_no_cache(capsys)
        assert _symbols(found) == [("shop/tests/test_books.py", "sync-orm-call-in-async")]


def test_a_new_test_settings_module_setting_async_unsafe_silences_the_tests_queries(capsys, tmp_path, monkeypatch):
    _test_project(tmp_path, monkeypatch)
    assert check(capsys, ".")[1] != []
    (tmp_path / "shop" / "test_settings.py").write_text(
        'import os\n\nos.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"\nDEBUG = True\n')
    found, counts = _warm_equals_no_cache(capsys)
    assert found == []
    assert counts == (0, 1, 1)


DISPATCHER = textwrap.dedent("""\
    from shop.models import Book


    class Dispatcher:
        async def dispatch(self, request):
            return await self.show(request, Book.objects.filter(pk=1))

        async def show(self, request, books):
            return len(books)
""")
OTHER_CALLER = textwrap.dedent("""\
    from shop.dispatch import Dispatcher


    async def elsewhere(request):
        return await Dispatcher().show(request, [1, 2])
""")


def test_a_new_module_calling_an_existing_method_changes_what_its_parameter_is(capsys, tmp_path, monkeypatch):
    """``books`` is a QuerySet because every call of ``show`` in the project passes one (``len(books)`` is
    the finding); a new module passing a list makes it unknown, and the finding moves to the call passing
    the QuerySet. The new module is read by no earlier analysis: the entry of dispatch.py must see that
    the files naming ``Dispatcher`` changed."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "dispatch.py": DISPATCHER})
    cold = check(capsys, ".")[1]
    assert _symbols(cold) == [("shop/dispatch.py", "sync-queryset-evaluation-in-async")]
    (tmp_path / "shop" / "other.py").write_text(OTHER_CALLER)
    assert [f["line"] for f in cold] == [9]
    found, _ = _warm_equals_no_cache(capsys)
    assert [(f["path"], f["line"]) for f in found] == [("shop/dispatch.py", 6)]


HELPERS = textwrap.dedent("""\
    from shop.models import Book


    def first_title():
        return Book.objects.first().title
""")
CALLER = textwrap.dedent("""\
    from shop.helpers import first_title


    async def page(request):
        return first_title()
""")


def test_a_new_module_calling_an_existing_helper_is_analysed_and_changes_no_other_entry(
        capsys, tmp_path, monkeypatch):
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "helpers.py": HELPERS,
                                      "views.py": CALLER.replace("def page", "def home")})
    cold = check(capsys, ".")[1]
    assert _symbols(cold) == [("shop/views.py", "missing-sync-to-async")]
    (tmp_path / "shop" / "pages.py").write_text(CALLER)
    found, counts = _warm_equals_no_cache(capsys)
    assert _symbols(found) == [("shop/pages.py", "missing-sync-to-async"), ("shop/views.py", "missing-sync-to-async")]
    assert counts == (1, 2, 1)


def test_a_new_dockerfile_serving_wsgi_silences_the_middleware_finding(capsys, tmp_path, monkeypatch):
    """No server command at the cold run: the sync-only middleware is a possible finding. A Dockerfile that
    appears (no analysis read it: it did not exist) serving WSGI makes it silent."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "middleware.py": MIDDLEWARE})
    cold = check(capsys, ".")[1]
    assert [(f["symbol"], f["certainty"]) for f in cold] == [("sync-only-middleware", "possible")]
    (tmp_path / "Dockerfile").write_text('FROM python:3.12\nCMD ["gunicorn", "shop.wsgi", "--workers", "3"]\n')
    found, counts = _warm_equals_no_cache(capsys)
    assert found == []
    assert counts == (0, 1, 1)


def test_a_new_asgi_router_serving_http_makes_the_middleware_finding_definite(capsys, tmp_path, monkeypatch):
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "middleware.py": MIDDLEWARE})
    cold = check(capsys, ".")[1]
    assert [(f["symbol"], f["certainty"]) for f in cold] == [("sync-only-middleware", "possible")]
    (tmp_path / "shop" / "asgi.py").write_text(textwrap.dedent("""\
        from channels.routing import ProtocolTypeRouter
        from django.core.asgi import get_asgi_application

        application = ProtocolTypeRouter({"http": get_asgi_application()})
    """))
    found, _ = _warm_equals_no_cache(capsys)
    assert [(f["symbol"], f["certainty"]) for f in found] == [("sync-only-middleware", "definite")]
