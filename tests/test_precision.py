"""Precision features (issue 13): certainty on every finding (text, JSON, SARIF, ``--certainty``,
pylint's ``--confidence``), how the project serves HTTP (``asynclint.core.deployment``, the
``server`` option, ``-v``) and ``per-file-ignores``."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from asynclint import cli
from asynclint.core import deployment
from tests.lint import FIXTURES, on_sys_path

BRANCHES = FIXTURES / "missing-sync-to-async" / "bad_branch_taken_by_the_arguments.py"
DEFINITE_LINE, POSSIBLE_LINE = 20, 24  # titles(limit=3) takes the branch; count_if(<computed>) may


def _check(capsys, *argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    saved = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with on_sys_path(FIXTURES):
            code = cli.main(["check", *argv])
    finally:
        os.chdir(saved)
    out, err = capsys.readouterr()
    return code, out, err


# --- certainty -------------------------------------------------------------------------------------
def test_json_carries_the_certainty(capsys):
    _code, out, _err = _check(capsys, str(BRANCHES), "-f", "json", "--select", "missing-sync-to-async")
    found = {f["line"]: f["certainty"] for f in json.loads(out)}
    assert found == {DEFINITE_LINE: "definite", POSSIBLE_LINE: "possible"}


@pytest.mark.parametrize(("certainty", "lines"), [("definite", {DEFINITE_LINE}), ("possible", {POSSIBLE_LINE})])
def test_certainty_option_filters(capsys, certainty, lines):
    _code, out, _err = _check(capsys, str(BRANCHES), "-f", "json", "--certainty", certainty,
                              "--select", "missing-sync-to-async")
    assert {f["line"] for f in json.loads(out)} == lines


@pytest.mark.parametrize("rule", ["async-call-not-awaited", "sync-orm-call-in-async"])
def test_models_convention_outside_django_code_is_possible_without_a_fix(capsys, rule):
    """A class of an unloadable ``models`` module in a module that imports nothing from Django: its
    QuerySet calls are taken for Django's only by the convention, so the findings are possible and the
    async rewrite is not offered (another ORM's class would break under it)."""
    path = FIXTURES / rule / "bad_unloaded_models_module_without_django.py"
    _code, out, _err = _check(capsys, str(path), "-f", "json", "--select", rule)
    found = json.loads(out)
    assert len(found) == 2 and {f["certainty"] for f in found} == {"possible"}
    assert all(not (f.get("fix") or {}).get("edits") for f in found), found


def test_a_lookalike_package_does_not_make_the_convention_definite(capsys):
    """``tv_channels`` has "channels" in its name but is not Channels: the module stays outside Django code,
    and its query on an unloadable ``models`` module's class is possible (by the convention) and unfixed."""
    path = FIXTURES / "sync-orm-call-in-async" / "bad_unloaded_library_model_beside_lookalike_package.py"
    _code, out, _err = _check(capsys, str(path), "-f", "json", "--select", "sync-orm-call-in-async")
    found = json.loads(out)
    assert [f["certainty"] for f in found] == ["possible"]
    assert not (found[0].get("fix") or {}).get("edits"), found


def test_text_marks_possible_findings(capsys):
    _code, out, _err = _check(capsys, str(BRANCHES), "--select", "missing-sync-to-async")
    marked = [line for line in out.splitlines() if "(possible)" in line]
    assert len(marked) == 1 and f":{POSSIBLE_LINE}:" in marked[0]


def test_sarif_ranks_by_certainty(capsys):
    _code, out, _err = _check(capsys, str(BRANCHES), "-f", "sarif", "--select", "missing-sync-to-async")
    results = json.loads(out)["runs"][0]["results"]
    ranks = {r["locations"][0]["physicalLocation"]["region"]["startLine"]: (r["rank"], r["properties"]["certainty"])
             for r in results}
    assert ranks == {DEFINITE_LINE: (90.0, "definite"), POSSIBLE_LINE: (50.0, "possible")}


def test_github_and_junit_say_possible(capsys):
    _code, out, _err = _check(capsys, str(BRANCHES), "-f", "github", "--select", "missing-sync-to-async")
    possible = [line for line in out.splitlines() if "possible" in line]
    assert len(possible) == 1 and f",line={POSSIBLE_LINE}," in possible[0] and "(possible) " in possible[0]
    _code, out, _err = _check(capsys, str(BRANCHES), "-f", "junit", "--select", "missing-sync-to-async")
    assert out.count('message="(possible) ') == 1


@pytest.mark.parametrize(("confidence", "lines"), [("HIGH", {DEFINITE_LINE}),
                                                    ("HIGH,INFERENCE", {DEFINITE_LINE, POSSIBLE_LINE})])
def test_pylint_confidence_option(confidence, lines):
    reporter = CollectingReporter()
    with on_sys_path(FIXTURES):
        Run(["--load-plugins=asynclint", "--disable=all", "--enable=missing-sync-to-async", "--persistent=n",
             "--score=n", f"--confidence={confidence}", str(BRANCHES)], reporter=reporter, exit=False)
    assert {m.line for m in reporter.messages} == lines


# --- deployment ------------------------------------------------------------------------------------
def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    return tmp_path


ROUTER = """
    from channels.routing import ProtocolTypeRouter, URLRouter
    from django.core.asgi import get_asgi_application

    django_app = get_asgi_application()
    application = ProtocolTypeRouter({{{http}"websocket": URLRouter([])}})
"""


@pytest.mark.parametrize(("files", "server"), [
    ({"Procfile": "web: gunicorn shop.wsgi --workers 3\n"}, "wsgi"),
    ({"Procfile": "web: gunicorn shop.asgi -k uvicorn.workers.UvicornWorker\n"}, "asgi"),
    ({"docker-compose.yml": "services:\n  web:\n    command: uvicorn shop.asgi:application --host 0.0.0.0\n"}, "asgi"),
    ({"Dockerfile": "RUN pip install uvicorn gunicorn\nCMD [\"gunicorn\", \"shop.wsgi\"]\n"}, "wsgi"),
    # The exec form of a command reads as its shell form (suitenumerique/docs' uvicorn CMD).
    ({"Dockerfile": "CMD [\"uvicorn\", \"shop.asgi:application\", \"--host\", \"0.0.0.0\"]\n"}, "asgi"),
    ({"compose.yaml": "services:\n  web:\n    command: ['daphne', '-b', '0.0.0.0', 'shop.asgi:application']\n"}, "asgi"),
    ({"fly.toml": "[processes]\napp = \"daphne -b 0.0.0.0 shop.asgi:application\"\n"}, "asgi"),
    ({"bin/start.sh": "exec granian --interface asgi shop.asgi:application\n"}, "asgi"),
    ({"bin/start.sh": "exec granian --interface wsgi shop.wsgi:application\n"}, "wsgi"),
    ({"uwsgi.ini": "[uwsgi]\nmodule = shop.wsgi\n", "Makefile": "serve:\n\tuwsgi --ini uwsgi.ini\n"}, "wsgi"),
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, ')}, "asgi"),
    ({"shop/asgi.py": ROUTER.format(http="")}, "unknown"),
    ({"shop/asgi.py": ROUTER.format(http=""), "Procfile": "web: gunicorn shop.wsgi\nws: daphne shop.asgi:application\n"},
     "wsgi"),
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, '),
      "Procfile": "web: gunicorn shop.wsgi\nws: daphne shop.asgi:application\n"}, "unknown"),
    ({"shop/settings.py": "INSTALLED_APPS = ['daphne', 'django.contrib.admin']\n"}, "asgi"),
    ({"shop/settings.py": "INSTALLED_APPS = ['channels']\nASGI_APPLICATION = 'shop.asgi.application'\n"}, "asgi"),
    # Split settings: Channels installed in base.py, ASGI_APPLICATION set in another module.
    ({"shop/settings/base.py": "INSTALLED_APPS = ['channels']\n",
      "shop/settings/production.py": "ASGI_APPLICATION = 'shop.asgi.application'\n"}, "asgi"),
    # Django never reads ASGI_APPLICATION: without channels or daphne it is a leftover, and gunicorn on the
    # WSGI module is the whole deployment.
    ({"shop/settings.py": "INSTALLED_APPS = ['ninja']\nASGI_APPLICATION = 'shop.asgi.application'\n",
      "start.sh": "exec gunicorn shop.wsgi\n"}, "wsgi"),
    # A WSGI command, but runserver serves ASGI too: not WSGI-only.
    ({"etc/uwsgi.ini": "[uwsgi]\nmodule = shop.wsgi\n", "shop/settings.py": "INSTALLED_APPS = ['daphne']\n"},
     "unknown"),
    ({"README.md": "Run it with uvicorn.\n", "shop/asgi.py": "application = get_asgi_application()\n"}, "unknown"),
    # A command split over continuation lines is one command; an extension-less shell script, a supervisor
    # program in conf.d and a hidden .docker folder are read; a shell test with == is no version pin.
    ({"Dockerfile": "CMD gunicorn shop.asgi:application \\\n    -k uvicorn.workers.UvicornWorker\n"}, "asgi"),
    ({"bin/web": "#!/bin/sh\nexec gunicorn shop.wsgi\n", "shop/asgi.py": "application = get_asgi_application()\n"},
     "wsgi"),
    ({"deploy/conf.d/web.conf": "[program:web]\ncommand=/srv/bin/gunicorn shop.wsgi:application\n"}, "wsgi"),
    ({".docker/entrypoint.sh": "if [ \"$ROLE\" == \"web\" ]; then exec gunicorn shop.wsgi; fi\n"}, "wsgi"),
    # Messages and pins name a server without running it.
    ({"start.sh": "echo 'gunicorn, not uvicorn or daphne'\npip install gunicorn==22.0\nexec gunicorn shop.wsgi\n"},
     "wsgi"),
    # gunicorn's worker class set outside the command line (a config file, GUNICORN_CMD_ARGS), or an ASGI module.
    ({"gunicorn.conf.py": "worker_class = 'uvicorn.workers.UvicornWorker'\n", "Procfile": "web: gunicorn shop.app\n"},
     "asgi"),
    ({"compose.yaml": "services:\n  web:\n    environment:\n      GUNICORN_CMD_ARGS: -k uvicorn.workers.UvicornWorker\n"
      "    command: gunicorn shop.app\n"}, "asgi"),
    ({"Procfile": "web: gunicorn shop.asgi:application\n"}, "asgi"),
    # A worker flag on one command line is that command's: a dev file's UvicornWorker beside a prod file's
    # plain gunicorn is a mixed deployment (unknown: findings that need ASGI are possible).
    ({"docker-compose-dev.yml": "    command: gunicorn -w 4 --worker-class uvicorn.workers.UvicornWorker shop.asgi:application\n",
      "docker-compose-prod.yml": "    command: gunicorn -w 16 shop.wsgi --timeout 300\n"}, "unknown"),
    ({"Procfile": "web: gunicorn -k uvicorn.workers.UvicornWorker shop.asgi:application\nadmin: gunicorn shop.wsgi\n"},
     "unknown"),
    # nginx in front of both: HTTP to WSGI, only websockets to ASGI, so the router's "http" is never used
    # (uwsgi_pass; a proxy_pass to where gunicorn listens; a `set` variable; an upstream named daphne).
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, '), "Procfile": "web: uwsgi --ini uwsgi.ini\n"
      "ws: daphne -u /run/ws.sock shop.asgi:application\n",
      "deploy/nginx.conf": "location ~ ^/ws/ { proxy_pass http://unix:/run/ws.sock; }\n"
      "location / { uwsgi_pass 127.0.0.1:3031; }\n"}, "wsgi"),
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, '), "Procfile": "web: gunicorn -b :8000 shop.wsgi\n"
      "ws: uvicorn --port 8383 shop.asgi:application\n",
      "docker/nginx/entrypoint.sh": "cat <<EOF > /etc/nginx/conf.d/site.conf\nserver {\n"
      "  location /websocket/ { set \\$ws http://ws:8383; proxy_pass \\$ws; }\n"
      "  location / { proxy_pass http://web:8000; }\n}\nEOF\n"}, "wsgi"),
    ({"Makefile": "web:\n\tuwsgi /etc/uwsgi.ini\nws:\n\tdaphne -b 127.0.0.1 -p 8051 shop.asgi:app\n",
      "templates/nginx.locations.conf.j2": "location ~ ^{{ prefix }}/websocket/ { proxy_pass http://daphne; }\n"
      "location {{ prefix }} { uwsgi_pass uwsgi; }\n"}, "wsgi"),
    # ... unless some HTTP path also goes to the ASGI server (or nothing serves websockets there): as before.
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, '), "Procfile": "web: gunicorn -b :8000 shop.wsgi\n"
      "api: uvicorn --port 8383 shop.asgi:application\n",
      "nginx/site.conf": "location /ws/ { proxy_pass http://127.0.0.1:8383; }\n"
      "location /api/ { proxy_pass http://127.0.0.1:8383; }\nlocation / { proxy_pass http://127.0.0.1:8000; }\n"},
     "unknown"),
    ({"shop/asgi.py": ROUTER.format(http='"http": django_app, '), "Procfile": "web: uwsgi --ini uwsgi.ini\n"
      "ws: daphne -u /run/ws.sock shop.asgi:application\n", "nginx/site.conf": "location / { uwsgi_pass web; }\n"},
     "unknown"),
])
def test_detect(tmp_path, files, server):
    found = deployment.detect(_project(tmp_path, files))
    assert found.server == server, found.reasons
    assert found.reasons



def test_detect_is_kept_per_run_and_refreshed_by_invalidate(tmp_path):
    from asynclint.core.context import RunContext, using

    root = _project(tmp_path, {"Procfile": "web: gunicorn shop.wsgi\n"})
    with using(RunContext()) as run:
        assert deployment.detect(root).server == "wsgi"
        (root / "Procfile").write_text("web: uvicorn shop.asgi:application\n")
        assert deployment.detect(root).server == "wsgi"  # one answer per run
        run.invalidate([str(root / "Procfile")])
        assert deployment.detect(root).server == "asgi"
    with using(RunContext()):
        assert deployment.detect(root).server == "asgi"

def test_a_demo_project_in_a_test_folder_is_its_own_root(tmp_path):
    """A library's repository whose demo project lives under tests/ (not read from the repository's top):
    the demo's folder is the root; a monorepo whose top has the deployment keeps the top."""
    from asynclint.core.context import RunContext, using

    root = _project(tmp_path / "lib", {"tests/manage.py": "", "tests/demo/settings.py": "INSTALLED_APPS = ['daphne']\n"})
    (root / ".git").mkdir()
    mono = _project(tmp_path / "mono", {"api/manage.py": "", "api/shop/settings.py": "INSTALLED_APPS = ['daphne']\n",
                                        "Procfile": "web: gunicorn shop.wsgi\n"})
    (mono / ".git").mkdir()
    with using(RunContext()):
        assert deployment.project_root(root / "tests" / "demo" / "settings.py") == root / "tests"
        assert deployment.project_root(mono / "api" / "shop" / "settings.py") == mono


def test_compose_files_above_a_service_folder_decide_its_deployment(tmp_path):
    """A service folder with its own Dockerfile (``backend/``, ``exec "$@"``) run by compose files at the
    repository's top: those files' commands are how it serves HTTP (a dev file with UvicornWorker, a prod
    one with plain gunicorn: mixed, so unknown). Without a repository above, the folder stays the root."""
    from asynclint.core.context import RunContext, using

    repo = _project(tmp_path / "repo", {
        "backend/Dockerfile": 'ENTRYPOINT ["sh", "/srv/entrypoint.sh"]\n', "backend/entrypoint.sh": 'exec "$@"\n',
        "backend/shop/settings.py": "INSTALLED_APPS = []\nASGI_APPLICATION = 'shop.asgi.application'\n",
        "docker-compose-dev.yml": "    command: gunicorn --worker-class uvicorn.workers.UvicornWorker shop.asgi:application\n",
        "docker-compose-prod.yml": "    command: gunicorn --workers 16 shop.wsgi\n"})
    (repo / ".git").mkdir()
    alone = _project(tmp_path / "alone", {"backend/Dockerfile": "CMD uvicorn shop.asgi:application\n",
                                          "backend/shop/settings.py": "", "compose.yaml": "services: {}\n"})
    with using(RunContext()):
        settings = repo / "backend" / "shop" / "settings.py"
        assert deployment.project_root(settings) == repo
        assert deployment.server_for("auto", str(settings), settings=True).server == "unknown"
        assert deployment.project_root(alone / "backend" / "shop" / "settings.py") == alone / "backend"


def test_an_installed_library_is_its_own_root(tmp_path):
    """A package in a virtual environment inside a project's repository (``.venv/lib/.../site-packages``)
    is not served the way that repository's Procfile says: its users choose (unknown)."""
    from asynclint.core.context import RunContext, using

    repo = _project(tmp_path, {"Procfile": "web: uvicorn shop.asgi:application\n", "shop/settings.py": "",
                               ".venv/lib/python3.11/site-packages/ninja/operation.py": "",
                               ".venv/lib/python3.11/site-packages/six.py": ""})
    (repo / ".git").mkdir()
    packages = repo / ".venv" / "lib" / "python3.11" / "site-packages"
    with using(RunContext()):
        assert deployment.server_for("auto", str(repo / "shop" / "settings.py")).server == "asgi"
        assert deployment.project_root(packages / "ninja" / "operation.py") == packages / "ninja"
        assert deployment.server_for("auto", str(packages / "ninja" / "operation.py")).server == "unknown"
        assert deployment.project_root(packages / "six.py") == packages
        assert deployment.server_for("auto", str(packages / "six.py")).server == "unknown"


def test_a_settings_module_that_nothing_serves_runs_under_runserver(tmp_path):
    """No server command, router, daphne or ASGI_APPLICATION: a library's module stays unknown (its users
    choose a server), the project's settings module is served by runserver (WSGI)."""
    from asynclint.core.context import RunContext, using

    root = _project(tmp_path, {"Procfile": "release: python manage.py migrate\n",
                               "shop/asgi.py": "application = get_asgi_application()\n", "shop/settings.py": ""})
    settings = str(root / "shop" / "settings.py")
    with using(RunContext()):
        assert deployment.server_for("auto", settings).server == "unknown"
        assert deployment.server_for("auto", settings, settings=True).server == "wsgi"
        assert deployment.server_for("asgi", settings, settings=True).server == "asgi"
    (root / "shop" / "settings.py").write_text("INSTALLED_APPS = ['daphne']\n")
    with using(RunContext()):
        assert deployment.server_for("auto", settings, settings=True).server == "asgi"


MIDDLEWARE = """
    class ClientIp:
        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            return self.get_response(request)
"""


@pytest.mark.parametrize(("files", "option", "expected"), [
    ({"Procfile": "web: gunicorn shop.wsgi\n"}, None, None),
    ({"Procfile": "web: uvicorn shop.asgi:application\n"}, None, "definite"),
    ({}, None, "possible"),
    ({}, "asgi", "definite"),
    ({"Procfile": "web: uvicorn shop.asgi:application\n"}, "wsgi", None),
])
def test_middleware_findings_follow_the_deployment(tmp_path, capsys, files, option, expected):
    config = "[tool.asynclint]\n" + (f'server = "{option}"\n' if option else "")
    project = _project(tmp_path, {**files, "pyproject.toml": config, "shop/middleware.py": MIDDLEWARE})
    _code, out, err = _check(capsys, "shop", "-f", "json", "-v", "--select", "sync-only-middleware", cwd=project)
    assert [f["certainty"] for f in json.loads(out)] == ([expected] if expected else [])
    assert "deployment (" in err


@pytest.mark.parametrize(("fixture", "expected"), [
    ("served-by-asgi-settings-read/shop/bad_installed_middleware.py", "definite"),
    # no literal of the settings names it, MIDDLEWARE is partly computed: whether it runs is unknown
    ("served-by-asgi-settings-unread/shop/bad_maybe_installed_middleware.py", "possible"),
    ("served-by-asgi/bad_sync_middleware_under_asgi.py", "definite"),  # no settings: not the project's to list
    # listed through the package that re-exports it; a sibling module the package does not re-export
    ("served-by-asgi-settings-list-a-package/site_mw/errors.py", "definite"),
    ("served-by-asgi-settings-list-a-package/site_mw/bad_not_reexported_middleware.py", "possible"),
])
def test_middleware_no_setting_names_is_possible(capsys, fixture, expected):
    path = FIXTURES / "sync-only-middleware" / fixture
    _code, out, _err = _check(capsys, str(path), "-f", "json", "--select", "sync-only-middleware", cwd=path.parent)
    assert [f["certainty"] for f in json.loads(out) if f["path"].endswith(path.name)] == [expected]


def test_known_middleware_message_names_the_projects_pin(tmp_path, capsys):
    """The table's release (whitenoise 6.12.0, whose source was read) is not the project's: a pin in a
    requirements file below the project's top (``backend/deploy/requirements.txt``) is named beside it."""
    settings = "INSTALLED_APPS = []\nMIDDLEWARE = ['whitenoise.middleware.WhiteNoiseMiddleware']\n"
    project = _project(tmp_path, {"pyproject.toml": '[tool.asynclint]\nserver = "asgi"\n',
                                  "backend/shop/settings.py": settings,
                                  "backend/deploy/requirements.txt": "Django==4.2.11\nwhitenoise==6.5.0\n"})
    _code, out, _err = _check(capsys, "backend", "-f", "json", "--select", "sync-only-middleware-in-settings",
                              cwd=project)
    messages = [f["message"] for f in json.loads(out)]
    assert len(messages) == 1 and "(whitenoise 6.12.0: " in messages[0], messages
    assert "the project pins whitenoise 6.5.0 (backend/deploy/requirements.txt)" in messages[0], messages
    (project / "backend" / "deploy" / "requirements.txt").write_text("whitenoise==6.12.0\n")
    _code, out, _err = _check(capsys, "backend", "-f", "json", "--select", "sync-only-middleware-in-settings",
                              "--no-cache", cwd=project)
    assert "pins" not in json.loads(out)[0]["message"]


def test_server_option_is_checked(tmp_path, capsys):
    project = _project(tmp_path, {"pyproject.toml": '[tool.asynclint]\nserver = "lambda"\n', "app.py": ""})
    code, _out, err = _check(capsys, ".", cwd=project)
    assert code == 2 and "'server' must be one of auto, asgi, wsgi" in err and len(err.strip().splitlines()) == 1


# --- per-file-ignores ------------------------------------------------------------------------------
VIEW = """
    from django.core.cache import cache


    async def show(request):
        return cache.get("x")
"""


@pytest.mark.parametrize(("table", "left"), [
    ('{"tests/**" = ["W5710"]}', {"app/views.py"}),
    ('{"tests/**" = ["sync-cache-call-in-async"]}', {"app/views.py"}),
    ('{"tests/**" = ["W57"]}', {"app/views.py"}),
    ('{"views.py" = ["W5710"]}', {"tests/unit/test_views.py"}),
    ('{"!tests/**" = ["W5710"]}', {"tests/unit/test_views.py"}),
    ('{"app/*.py" = ["E5701"]}', {"app/views.py", "tests/unit/test_views.py"}),
])
def test_per_file_ignores(tmp_path, capsys, table, left):
    project = _project(tmp_path, {"pyproject.toml": f"[tool.asynclint]\nper-file-ignores = {table}\n",
                                  "app/views.py": VIEW, "tests/unit/test_views.py": VIEW})
    _code, out, _err = _check(capsys, ".", "-f", "json", cwd=project)
    assert {f["path"] for f in json.loads(out)} == left


@pytest.mark.parametrize("table", ['{"tests/**" = ["W9999"]}', '["tests"]', '{"tests/**" = [1]}'])
def test_bad_per_file_ignores(tmp_path, capsys, table):
    project = _project(tmp_path, {"pyproject.toml": f"[tool.asynclint]\nper-file-ignores = {table}\n", "app.py": ""})
    code, _out, err = _check(capsys, ".", cwd=project)
    assert code == 2 and err.startswith("asynclint: error:") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("server", "confidences"), [("auto", ["HIGH"]), ("wsgi", []), ("asgi", ["HIGH"])])
def test_pylint_server_option(server, confidences):
    fixture = FIXTURES / "sync-only-middleware" / "served-by-asgi" / "bad_sync_middleware_under_asgi.py"
    reporter = CollectingReporter()
    Run(["--load-plugins=asynclint", "--disable=all", "--enable=sync-only-middleware", "--persistent=n",
         "--score=n", f"--server={server}", str(fixture)], reporter=reporter, exit=False)
    assert [m.confidence.name for m in reporter.messages] == confidences
