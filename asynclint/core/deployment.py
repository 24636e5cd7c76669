"""How a project serves HTTP: through Django's ASGI handler, WSGI only, or unknown.

Sync-only middleware only costs a switch to a worker thread when HTTP requests go through Django's
ASGI handler, so the middleware rules need to know. ``detect(root)`` reads, without importing
anything:

- server commands in the project's deployment files (``Procfile``, ``Dockerfile``, docker compose
  files, ``fly.toml``, ``app.yaml``, ``render.yaml``, shell scripts, ``Makefile``, supervisor and
  systemd units, uWSGI ``.ini``, supervisor programs in any ``.conf``, extension-less shell scripts;
  continuation lines joined): ``uvicorn``, ``daphne``, ``hypercorn``, ``granian`` (ASGI unless
  ``--interface wsgi``) and ``gunicorn`` with an uvicorn worker (``-k``, a config file's
  ``worker_class``, ``GUNICORN_CMD_ARGS``) or an ``.asgi`` module serve ASGI; ``gunicorn`` without an ASGI
  worker, ``uwsgi``, ``waitress-serve`` and ``mod_wsgi`` serve WSGI (an unused ``asgi.py`` beside them
  changes nothing);
- settings modules that install ``daphne``, or set ``ASGI_APPLICATION`` with ``channels`` installed
  (``runserver`` then serves ASGI; without either Django ignores ``ASGI_APPLICATION``);
- the ``asgi.py`` modules (or the project module an ``asgi.py`` imports its ``application`` from, a
  ``routing.py``): a Channels ``ProtocolTypeRouter`` whose ``"http"`` key is Django's ASGI app
  (``get_asgi_application()``) sends HTTP through Django's handler; one without an ``"http"`` key, or
  with another app there, does not;
- reverse-proxy configurations (nginx ``location`` blocks in ``.conf`` files, templates, and the
  heredocs of install scripts and container entrypoints): when HTTP paths go to a WSGI server
  (``uwsgi_pass``, or a ``proxy_pass`` to where a WSGI command listens) and the ASGI server only gets
  websocket paths (``/ws/``, ``/websocket/``...), the router's ``"http"`` route is never used: ``wsgi``
  (tacticalrmm, AWX: uWSGI for HTTP, daphne/uvicorn for ``/ws/``). Any HTTP path sent to the ASGI server
  contradicts it, and the answer is what the rest says. The consumers run on the ASGI server's loop
  either way: only the middleware rules ask.

ASGI commands only, or (with no server command at all) a router that serves Django's HTTP or an ASGI
``runserver``: ``asgi``. Nothing at all: ``unknown`` for a module in general (a library's users choose
their server), ``wsgi`` for the project's settings module (``runserver``; see ``server_for``). WSGI commands only (and nothing that runs ASGI), or both kinds where the
router does not take HTTP: ``wsgi``. Anything else: ``unknown``, and the middleware findings are
*possible*. Mixed deployments are that: a development compose file running gunicorn with
``--worker-class uvicorn...`` beside a production one running ``gunicorn shop.wsgi`` is both kinds, so
a finding that needs ASGI is *possible* (true where the ASGI file is used, not where production runs).
File names (``-dev``, ``-prod``) are not weighed: which one serves users is not in the repository. ``server = "asgi" | "wsgi"`` in ``[tool.asynclint]`` overrides it.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.core import context

ASGI, WSGI, UNKNOWN = "asgi", "wsgi", "unknown"

_DEPLOYMENT_FILES = re.compile(
    r"^(Procfile.*|Dockerfile.*|.*\.dockerfile|(docker-)?compose.*\.ya?ml|fly\.toml|app\.ya?ml|render\.ya?ml|"
    r"heroku\.yml|railway\.(json|toml)|nixpacks\.toml|.*\.sh|Makefile|supervisord.*\.conf|.*supervisor.*\.conf|"
    r".*\.service|uwsgi.*\.ini|.*\.uwsgi\.ini|gunicorn.*\.py|entrypoint.*|start.*|run.*)$", re.IGNORECASE)
_SKIP_DIRS = frozenset({".git", ".hg", "node_modules", ".venv", "venv", ".tox", "__pycache__", "site-packages",
                        "dist", "build", ".mypy_cache", "static", "media", "locale", "migrations", "docs"})
#: Hidden folders that hold deployment files (``.docker/entrypoint.sh``, Elastic Beanstalk's).
_DEPLOYMENT_DOT_DIRS = frozenset({".docker", ".deploy", ".ebextensions", ".platform"})
#: Test folders (their servers run the tests): ``tests``, ``e2e_tests``, ``test-env``; not ``latest``.
_TEST_DIR = re.compile(r"(?i)(^|[_.-])tests?($|[_.-])|^testing$|^e2e$")
_MAX_DEPTH = 6
_MAX_SIZE = 200_000

#: A command that serves ASGI, or WSGI (searched in the lines of deployment files).
_ASGI_COMMAND = re.compile(
    r"\b(uvicorn|daphne|hypercorn)\s+[\w.:-]*|\bgranian\b(?![^\n]*--interface[= ]+wsgi)|"
    r"\bgunicorn\b[^\n]*(uvicorn|UvicornWorker|uvicorn_worker|-k\s*[\"']?uvicorn)")
_WSGI_COMMAND = re.compile(r"\bgunicorn\b|\buwsgi\b|\bwaitress-serve\b|\bmod_wsgi\b|\bgranian\b[^\n]*--interface[= ]+wsgi")
_COMMENT = re.compile(r"^\s*(#|//)")
#: Lines that name a server without running it: installs, version pins (``gunicorn==22.0``), messages
#: (``echo "starting gunicorn"``, but not ``echo "gunicorn app.wsgi" > start.sh``, which writes a script).
_UNSERVING = re.compile(r"\b(pip|poetry|uv|apt-get|apk|pipenv)\s+(install|add)\b|[=<>~]=\s*[\d*]|"
                        r"^\s*(echo|printf)\b(?![^\n]*>)")
#: gunicorn given an ASGI worker elsewhere (a config file's ``worker_class``, ``GUNICORN_CMD_ARGS``), or an
#: ASGI module to serve (``gunicorn shop.asgi:application``): its commands serve ASGI.
_GUNICORN_ASGI_WORKER = re.compile(r"(?i)worker[_-]?class[^\n]*uvicorn|GUNICORN_CMD_ARGS[^\n]*uvicorn")
_GUNICORN_ASGI_MODULE = re.compile(r"\bgunicorn\b[^\n]*?\b(\w+\.)+asgi(:\w+)?\b")
_SHELL_SHEBANG = re.compile(r"#!\S*\b(sh|bash|dash|zsh)\b|#!/usr/bin/env\s+(sh|bash|dash|zsh)\b")


@dataclass(frozen=True)
class Deployment:
    server: str  # ASGI, WSGI or UNKNOWN
    reasons: tuple[str, ...] = field(default=())
    #: A server command (or the ``server`` option) decides it, not an ASGI router or runserver settings
    #: alone, which say nothing of how production serves HTTP.
    by_server: bool = False
    #: The environment variables the project's ``asgi.py`` sets to a constant at import (``os.environ[
    #: "MODE"] = "async"``, ``os.environ.setdefault("MODE", "async")``), as (name, value) pairs: what code
    #: reads there when the ASGI application serves it (``event_loop``: a branch on another value of
    #: such a variable does not run on the server's loop).
    asgi_environment: tuple = ()

    def describe(self) -> str:
        return f"HTTP served by {self.server.upper() if self.server != UNKNOWN else 'an unknown server'}" + (
            f": {'; '.join(self.reasons)}" if self.reasons else "")


_ROOT_MARKERS = (".git", "Procfile", "Dockerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml",
                 "compose.yaml", "fly.toml", "app.yaml", "render.yaml")


def project_root(path: str | os.PathLike) -> Path:
    """The folder a file's project is deployed from: the nearest ancestor with a repository or a
    deployment file, else with ``manage.py``/``pyproject.toml``, else the file's folder."""
    key = str(Path(path).resolve())
    roots = context.current().deployment_roots
    if key not in roots:
        root, project = _root(key)
        # A demo or test project inside a library's repository (``tests/manage.py``): the repository's
        # top says nothing (test folders are not read), the project's own folder may.
        roots[key] = project if project is not None and detect(root).reasons == (_NOTHING_FOUND,) else root
    return roots[key]


def django_project_folder(module_file: str | None) -> str | None:
    """The Django project folder (the nearest one with ``manage.py``, within the module's project root)
    that ``module_file`` lies in, or None."""
    from asynclint.driver import manage_py_folder

    if not module_file:
        return None
    root = str(project_root(module_file))
    return manage_py_folder(os.path.dirname(os.path.abspath(module_file)), os.path.dirname(root))


def _root(path: str) -> tuple[Path, Path | None]:
    """(the root, the nearest folder below it with ``manage.py`` when the root is a repository's top)."""
    start = Path(path)
    start = start if start.is_dir() else start.parent
    installed = _installed_distribution(start)
    if installed is not None:  # a library's users choose its server, not the repository its venv is in
        return installed, None
    marker = project = None
    for folder in (start, *start.parents):
        if any((folder / name).exists() for name in _ROOT_MARKERS):
            return _composed_from_above(folder), project
        if project is None and (folder / "manage.py").is_file():
            project = folder
        if marker is None and ((folder / "manage.py").is_file() or (folder / "pyproject.toml").is_file()):
            marker = folder
    return marker or start, None


_INSTALL_FOLDERS = frozenset({"site-packages", "dist-packages"})


def _installed_distribution(folder: Path) -> Path | None:
    """The installed package a folder belongs to (``.../site-packages/ninja`` for any folder in it), or None
    outside an installation folder."""
    parts = folder.parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in _INSTALL_FOLDERS:
            return Path(*parts[:index + 2])
    return None


_COMPOSE_FILE = re.compile(r"^(docker-)?compose.*\.ya?ml$", re.IGNORECASE)


def _composed_from_above(folder: Path) -> Path:
    """``folder`` (a service's own folder: ``backend/`` with its ``Dockerfile``), or the highest folder
    above it, up to the repository's top, that holds docker compose files: their ``command:`` lines
    replace the image's ``CMD`` (``backend/Dockerfile`` ends in ``exec "$@"``, the compose files at the top
    run gunicorn), so they say how the service serves HTTP."""
    if (folder / ".git").exists():
        return folder
    chosen = folder
    for above in folder.parents:
        try:
            names = os.listdir(above)
        except OSError:
            break
        if any(_COMPOSE_FILE.match(name) for name in names):
            chosen = above
        if ".git" in names:
            return chosen
    return folder  # no repository above: nothing says the compose files there are this project's


def _files(root: Path, tests: bool = False):
    for directory, subdirs, files in os.walk(root):
        depth = len(Path(directory).relative_to(root).parts)
        subdirs[:] = [] if depth >= _MAX_DEPTH else sorted(
            d for d in subdirs if d not in _SKIP_DIRS and (not d.startswith(".") or d in _DEPLOYMENT_DOT_DIRS)
            and (tests or not _TEST_DIR.search(d)))
        for name in sorted(files):
            yield Path(directory) / name


def project_python_files(root: Path, tests: bool = False):
    """The project's Python files outside test folders (inside them too with ``tests``), as deployment
    reads the tree: at most ``_MAX_DEPTH`` folders deep, no dependencies or hidden folders."""
    return (path for path in _files(root, tests) if path.suffix == ".py")


def is_test_file_name(stem: str) -> bool:
    """A module name the test runner collects (``test_x``, ``x_test``, ``tests``, ``conftest``...)."""
    return stem in ("tests", "test", "conftest") or stem.startswith("test_") or stem.endswith(("_test", "_tests"))


def is_test_path(where: str) -> bool:
    """A file (relative to the project root) inside a test folder (``tests``, ``e2e_tests``...)."""
    return any(_TEST_DIR.search(part) for part in where.split("/")[:-1])


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_SIZE:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _is_deployment_file(path: Path) -> bool:
    """A file that may start the server: by name (``_DEPLOYMENT_FILES``), a supervisor program
    (``conf.d/web.conf``), or an extension-less shell script (``bin/web``, ``docker/entrypoint``)."""
    if _DEPLOYMENT_FILES.match(path.name):
        return path.suffix != ".py" or path.name.startswith("gunicorn")
    if path.suffix in (".conf", ".ini"):
        return "[program:" in _read(path)
    return not path.suffix and bool(_SHELL_SHEBANG.match(_read(path)[:100]))


def _logical_lines(text: str):
    """(first line number, line) with shell/Dockerfile continuations (a trailing ``\\``) joined."""
    pending, first = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if _COMMENT.match(line) and pending:
            continue  # a comment inside a continued Dockerfile RUN/CMD
        first = first if pending else number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        yield first, pending + line
        pending = ""
    if pending:
        yield first, pending


def _commands(root: Path, found: list[Path]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (reason, command line) of each ASGI and each WSGI server command."""
    asgi, wsgi = [], []
    files = [path for path in found if _is_deployment_file(path)]
    # A worker class set apart from a command (a config file's worker_class, GUNICORN_CMD_ARGS) applies to
    # every gunicorn command; a ``--worker-class``/``-k`` flag on one command line only to that command (a
    # dev compose file's UvicornWorker says nothing of the prod file's plain ``gunicorn shop.wsgi``).
    asgi_worker = next((f"{path.relative_to(root).as_posix()}:{number}" for path in files
                        for number, line in _logical_lines(_read(path))
                        if not _COMMENT.match(line) and _GUNICORN_ASGI_WORKER.search(line)
                        and not re.search(r"\bgunicorn\b", line)), None)
    for path in files:
        for number, line in _logical_lines(_read(path)):
            if _COMMENT.match(line) or _UNSERVING.search(line):
                continue
            where = f"{path.relative_to(root).as_posix()}:{number}"
            line = " ".join(_EXEC_FORM.sub(_words_of_exec_form, line).split())
            if _ASGI_COMMAND.search(line):
                asgi.append((f"{where} runs {_ASGI_COMMAND.search(line).group(0).strip()}", line))
            elif _GUNICORN_ASGI_MODULE.search(line):
                asgi.append((f"{where} runs {_GUNICORN_ASGI_MODULE.search(line).group(0).strip()}", line))
            elif _WSGI_COMMAND.search(line) and asgi_worker and _WSGI_COMMAND.search(line).group(0) == "gunicorn":
                asgi.append((f"{where} runs gunicorn with an ASGI worker ({asgi_worker})", line))
            elif _WSGI_COMMAND.search(line):
                wsgi.append((f"{where} runs {_WSGI_COMMAND.search(line).group(0).strip()}", line))
    return asgi, wsgi


#: An exec-form command (``CMD ["uvicorn", "shop.asgi:application"]``, a compose ``command: [...]``).
_EXEC_FORM = re.compile(r"""\[\s*(["'][^"'\n]*["']\s*,\s*)*["'][^"'\n]*["']\s*\]""")


def _words_of_exec_form(match: re.Match) -> str:
    """The exec form's words as the shell form spells them: ``uvicorn shop.asgi:application``."""
    return " ".join(re.findall(r"""["']([^"'\n]*)["']""", match.group(0)))


_DAPHNE_APP = re.compile(r"""["']daphne["']""")
_CHANNELS_APP = re.compile(r"""["']channels["']""")
_ASGI_SETTING = re.compile(r"^ASGI_APPLICATION\s*=", re.MULTILINE)


def _asgi_settings(root: Path, found: list[Path]) -> list[str]:
    """Settings modules that make ``runserver`` serve ASGI: daphne in INSTALLED_APPS, or
    ``ASGI_APPLICATION`` where Channels is installed (Channels before 4.0 replaced ``runserver`` with an
    ASGI one that serves that setting). Django itself never reads ``ASGI_APPLICATION``: without channels
    or daphne in any settings module's INSTALLED_APPS (split settings install apps in ``base.py`` and
    set the rest elsewhere) the setting is a leftover and ``runserver`` serves WSGI."""
    settings = []
    for path in found:
        if path.suffix == ".py" and ("settings" in path.name or path.parent.name == "settings"):
            settings.append((path, _read(path)))
    channels = any("INSTALLED_APPS" in text and _CHANNELS_APP.search(text) for _, text in settings)
    reasons = []
    for path, text in settings:
        where = path.relative_to(root).as_posix()
        if "INSTALLED_APPS" in text and _DAPHNE_APP.search(text):
            reasons.append(f"{where} installs daphne (runserver serves ASGI)")
        elif channels and _ASGI_SETTING.search(text):
            reasons.append(f"{where} sets ASGI_APPLICATION with Channels installed (runserver serves ASGI)")
    return reasons


def _calls_get_asgi_application(node: ast.AST | None, assigned: dict[str, ast.AST]) -> bool:
    if isinstance(node, ast.Name) and node.id in assigned:
        return _calls_get_asgi_application(assigned.pop(node.id), assigned)
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name == "get_asgi_application":
        return True
    # Wrappers such as ASGIStaticFilesHandler(get_asgi_application()) or a middleware stack around it.
    return any(_calls_get_asgi_application(argument, assigned) for argument in node.args)


def _routers(root: Path, found: list[Path]) -> list[tuple[str, bool]]:
    """(where, whether its "http" is Django's ASGI app) for each ProtocolTypeRouter in an asgi.py, or
    in the project module it imports its ``application`` from (``from proj.routing import application``)."""
    routers = []
    for path, tree in _asgi_modules(found):
        if not _has_router(tree):
            imported = _application_module(root, path, tree)
            if imported is None:
                continue
            path, tree = imported
        assigned = {target.id: statement.value for statement in ast.walk(tree) if isinstance(statement, ast.Assign)
                    for target in statement.targets if isinstance(target, ast.Name)}
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", "")) ==
                    "ProtocolTypeRouter" and call.args and isinstance(call.args[0], ast.Dict)):
                continue
            http = next((value for key, value in zip(call.args[0].keys, call.args[0].values)
                         if isinstance(key, ast.Constant) and key.value == "http"), None)
            routers.append((f"{path.relative_to(root).as_posix()}:{call.lineno}",
                            _calls_get_asgi_application(http, dict(assigned))))
    return routers


def _asgi_modules(found: list[Path]):
    """(path, tree) of each ``asgi.py`` among the project's files that parses."""
    for path in found:
        if path.name == "asgi.py":
            try:
                yield path, ast.parse(_read(path))
            except (SyntaxError, ValueError):
                continue


def _has_router(tree: ast.AST) -> bool:
    return any(isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", "")) ==
               "ProtocolTypeRouter" for call in ast.walk(tree))


def _application_module(root: Path, asgi: Path, tree: ast.AST) -> tuple[Path, ast.AST] | None:
    """The project module (and its tree) an asgi.py imports ``application`` from, when that module
    builds a ProtocolTypeRouter."""
    for statement in ast.walk(tree):
        if not (isinstance(statement, ast.ImportFrom) and statement.module and
                any((alias.asname or alias.name) == "application" for alias in statement.names)):
            continue
        relative = Path(*statement.module.split("."))
        bases = [asgi.parent.joinpath(*[".."] * (statement.level - 1))] if statement.level else \
            [root, *asgi.parents]
        for base in bases:
            for candidate in (base / relative.with_suffix(".py"), base / relative / "__init__.py"):
                if candidate.is_file() and root.resolve() in candidate.resolve().parents:
                    try:
                        imported = ast.parse(_read(candidate))
                    except (SyntaxError, ValueError):
                        return None
                    return (candidate, imported) if _has_router(imported) else None
    return None


# --- reverse proxies: which server gets which paths ---------------------------------------------------
#: Files that may hold an nginx configuration (also inside a shell script's heredoc or a template).
_PROXY_FILE = re.compile(r"(?i)(nginx|sites?-(available|enabled)|\.conf$|\.conf\.|\.j2$|\.template$|\.tmpl$|"
                         r"\.sh$|^(entrypoint|install|setup|deploy|restore|update)\b)")
_LOCATION = re.compile(r"\blocation\s+((?:\{\{[^}\n]*\}\}|[^{;\n])*?)\s*\{(?!\{)")  # {{ }}: a template
_UPSTREAM = re.compile(r"\bupstream\s+([\w.-]+)\s*\{([^}]*)\}")
_PASS = re.compile(r"\b(uwsgi_pass|proxy_pass)\s+([^;\s]+)\s*;")
_SET = re.compile(r"\bset\s+\\?\$(\w+)\s+([^;\s]+)\s*;")
#: A location for websockets only: a path segment ``ws``, ``websocket(s)``, ``socket``, ``cable``, ``socket.io``.
_WEBSOCKET_PATH = re.compile(r"(?i)(^|[/^(|_\\-])(wss?|websockets?|sockets?|cable|socket\.io)($|[/$)|_\\.-])")
#: Where a server command listens: ``--port 8383``, ``-p 8051``, ``--bind 0.0.0.0:8000``, ``-b :8000``,
#: ``--uds /run/asgi.sock``, ``-u path``, ``--socket``/``--http`` (uWSGI), ``unix:/path``.
_LISTEN = re.compile(r"(?:--port[= ]+|\s-p\s+|:)(\d{2,5})\b|(?:--uds[= ]+|\s-u\s+|unix:|--socket[= ]+|"
                     r"--bind[= ]+unix:)(/[\w./-]+)")
_ASGI_NAME = re.compile(r"(?i)daphne|uvicorn|hypercorn|asgi")
_WSGI_NAME = re.compile(r"(?i)gunicorn|uwsgi|wsgi")


def _listening(lines: list[str]) -> set[str]:
    """The ports and unix sockets the server command lines listen on."""
    return {port or path for line in lines for port, path in _LISTEN.findall(" " + line)}


def _blocks(text: str):
    """(location pattern, body) for each nginx ``location`` block in ``text`` (braces balanced)."""
    for match in _LOCATION.finditer(text):
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        yield match.group(1).strip(), text[match.end():end - 1]


def _proxied(root: Path, found: list[Path], asgi: list[str], wsgi: list[str]) -> tuple[list[str], list[str]]:
    # asgi, wsgi: the server command lines
    """What the project's nginx configurations say about HTTP: (reasons that HTTP goes to a WSGI server
    and the ASGI server only gets websockets, contradictions). A location passes to WSGI with
    ``uwsgi_pass`` or a ``proxy_pass`` to where a WSGI command listens (or an upstream named for one);
    to ASGI with a ``proxy_pass`` to where an ASGI command listens (or named daphne/uvicorn/asgi).
    Targets of other services (a frontend, NATS, MeshCentral) say nothing."""
    asgi_at, wsgi_at = _listening(asgi), _listening(wsgi)
    split, contradictions = [], []
    http_to_wsgi = websockets_to_asgi = False
    for path in found:
        if not _PROXY_FILE.search(path.name):
            continue
        text = _read(path)
        if "location" not in text or "_pass" not in text:
            continue
        upstreams = {name: body for name, body in _UPSTREAM.findall(text)}
        where = path.relative_to(root).as_posix()
        for pattern, body in _blocks(text):
            variables = dict(_SET.findall(body))
            for directive, target in _PASS.findall(body):
                target = variables.get(target.lstrip("\\$"), target) if "$" in target else target
                name = target.split("://")[-1].split("/")[0].split(":")[0]
                address = f"{target} {upstreams.get(name, '')}"
                ports = _listening([address])
                if directive == "uwsgi_pass" or ports & wsgi_at or (not ports & asgi_at and _WSGI_NAME.search(
                        address) and not _ASGI_NAME.search(address)):
                    kind = WSGI
                elif ports & asgi_at or _ASGI_NAME.search(address):
                    kind = ASGI
                else:
                    continue
                websocket = bool(_WEBSOCKET_PATH.search(pattern))
                line = f"{where}: location {pattern} {directive} {target}"
                if kind == ASGI and not websocket:
                    contradictions.append(f"{line} (HTTP to the ASGI server)")
                elif kind == WSGI and not websocket:
                    split.append(f"{line} (HTTP to the WSGI server)")
                    http_to_wsgi = True
                elif kind == ASGI:
                    split.append(f"{line} (websockets only to the ASGI server)")
                    websockets_to_asgi = True
    if not (http_to_wsgi and websockets_to_asgi):
        return [], contradictions
    return split, contradictions


def detect(root: Path) -> Deployment:
    """How the project in ``root`` serves HTTP, and why asynclint thinks so (once per run: the run
    context keeps the answer, so an editor server sees a changed Procfile after ``invalidate``)."""
    known = context.current().deployments
    if root not in known:
        files = [] if root.name in _INSTALL_FOLDERS else list(_files(root))  # a module alone in site-packages
        found, environment = _detect(root, files), _asgi_environment(files)
        known[root] = dataclasses.replace(found, asgi_environment=environment) if environment else found
    return known[root]


def serves_package(root: Path, package: str) -> bool:
    """A server command of the repository runs an ASGI or WSGI module of ``package`` (thenewboston Core's
    ``daphne core.project.asgi:application``): the repository deploys the package as an application,
    even when it also builds a distribution of it (a poetry project has a ``[build-system]``)."""
    asgi, wsgi = _commands(root, list(_files(root)))
    module = re.compile(rf"(?<![\w.]){re.escape(package)}(?:\.\w+)*\.[aw]sgi\b")
    return any(module.search(line) for _, line in (*asgi, *wsgi))


def _asgi_environment(found: list[Path]) -> tuple[tuple[str, str], ...]:
    """(name, value) for each environment variable the project's ``asgi.py`` modules set to a string
    constant at module level; a variable that two of them set differently is left out."""
    values: dict[str, str | None] = {}
    for _path, tree in _asgi_modules(found):
        for statement in tree.body:
            pair = _environment_set(statement)
            if pair is not None:
                name, value = pair
                values[name] = value if values.get(name, value) == value else None
    return tuple(sorted((name, value) for name, value in values.items() if value is not None))


def _is_environ(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name) and \
        node.value.id == "os"


def _environment_set(statement: ast.stmt) -> tuple[str, str] | None:
    """``os.environ["X"] = "v"`` or ``os.environ.setdefault("X", "v")``: ("X", "v")."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
        if isinstance(target, ast.Subscript) and _is_environ(target.value) and \
                isinstance(target.slice, ast.Constant) and isinstance(value, ast.Constant):
            key, value = target.slice.value, value.value
            return (key, value) if isinstance(key, str) and isinstance(value, str) else None
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        call = statement.value
        if isinstance(call.func, ast.Attribute) and call.func.attr == "setdefault" and _is_environ(call.func.value) \
                and len(call.args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                                for a in call.args):
            return call.args[0].value, call.args[1].value
    return None


def _detect(root: Path, found: list[Path]) -> Deployment:
    asgi_commands, wsgi_commands = _commands(root, found)
    asgi, wsgi = [reason for reason, _ in asgi_commands], [reason for reason, _ in wsgi_commands]
    routers = _routers(root, found)
    django_http = [where for where, http in routers if http]
    other_http = [where for where, http in routers if not http]
    reasons = [*asgi[:3], *wsgi[:3]]
    reasons += [f"{where}: ProtocolTypeRouter sends \"http\" to Django's ASGI app" for where in django_http]
    reasons += [f"{where}: ProtocolTypeRouter does not send \"http\" to Django's ASGI app" for where in other_http]
    weak = _asgi_settings(root, found)  # runserver serves ASGI (daphne, Channels)
    split, contradictions = _proxied(root, found, [line for _, line in asgi_commands],
                                     [line for _, line in wsgi_commands])
    if split and not contradictions:  # nginx: HTTP to WSGI, only websockets to ASGI (asgi.py's "http" unused)
        return Deployment(WSGI, (*split[:4], *reasons, "the reverse proxy sends only websockets to the ASGI server"))
    reasons += contradictions[:2]
    if asgi and not wsgi:
        return Deployment(ASGI, tuple(reasons), by_server=True)
    if wsgi and not asgi:
        if django_http or weak:  # a WSGI command for production, maybe; the project also runs ASGI
            return Deployment(UNKNOWN, (*reasons, *weak[:3]))
        return Deployment(WSGI, tuple(reasons))
    if wsgi and asgi and other_http and not django_http:
        return Deployment(WSGI, (*reasons, "the ASGI server only serves the router's other protocols"))
    if not wsgi and not asgi and (django_http or weak):
        return Deployment(ASGI, (*reasons, *weak[:3]))
    return Deployment(UNKNOWN, tuple(reasons) or (_NOTHING_FOUND,))


_NOTHING_FOUND = "no server command or ASGI router found"


def server_for(option: str, path: str | None, settings: bool = False) -> Deployment:
    """The deployment a module's project uses: the ``server`` option when set, else detected.

    ``settings``: the module is the project's settings. When nothing in the repository serves it (no
    server command, no ASGI router, no daphne or ``ASGI_APPLICATION``), the project runs with
    ``manage.py runserver``, which serves WSGI: a boilerplate ``asgi.py`` from ``startproject`` says
    nothing. (A library's middleware, checked where it is defined, stays unknown: its users choose.)"""
    if option in (ASGI, WSGI):
        return Deployment(option, (f"server = \"{option}\" in the configuration",), by_server=True)
    if not path:
        return Deployment(UNKNOWN, ("no file",))
    found = detect(project_root(path))
    if settings and found.reasons == (_NOTHING_FOUND,):
        return Deployment(WSGI, (f"{_NOTHING_FOUND}: the settings' project runs with runserver (WSGI)",))
    return found
