"""The persistent incremental cache of ``asynclint check`` (like ruff's ``.ruff_cache``).

A re-run that changes nothing must cost about a second, with exactly the findings of a cold run.
What is stored, one JSON file per analysed module (never pickles: nothing of astroid survives):

- the module's messages with their full payload (position, message, symbol...);
- the *facts it depends on*: every other project file (path and content hash) the analysis read
  while analysing the module. Recording (``Recorder``) notes each project module astroid hands out
  while the module is analysed (``AstroidManager.ast_from_module_name``/``ast_from_file``, cache
  hits included). The analysis memoises what it learnt (a function's sync work, a class's
  subclasses...) across modules in the run's context; those memos remember which module's analysis
  stored each answer (``_Memo``), and a module that uses an answer inherits what the analysis that
  stored it read. Only when an answer of unknown origin is used is the set closed over the static
  imports of the modules reached (the old, coarser rule: on Django's ``django/`` it made 36 of 76
  modules depend on ``core/exceptions.py``, which none of them reads). The project's relation index
  (``django_kinds.reverse_relations``: the files that declare a ``related_name``) is added when it
  was used;
- what the project's text indexes answered (``TEXT_QUERIES``: the files naming a class among their
  bases, the files naming a class, the files connecting a signal's receivers): a file that starts
  subclassing, building or connecting is read by no earlier analysis, so it is no dependency; the
  entry is stale when an index now answers otherwise;
- the answer of ``core.deployment.detect`` (how the project serves HTTP, read from its Procfile,
  Dockerfile, ``asgi.py``...) when the module's analysis asked for it.

An entry is reused when the module's content hash, the rules that can fire in it, the hash of
every recorded dependency and the recorded deployment answers are unchanged; so a change to one module re-analyses that module and
the modules whose recorded dependencies include it (``Cache.dependents``), nothing else.
The prefilter's answers are cached per file too, by content hash (``Cache.scan``): a re-run asks an
unchanged file nothing it was asked before.

Entries live under a *settings space*: a hash of everything else that can change a result
(asynclint's version and its own source files, so a development checkout invalidates on edits;
pylint, astroid and Python versions; the selected rules, targeted Django version and checker
options). Writes are atomic (temporary file, then ``os.replace``); an unreadable, truncated or
malformed entry is treated as missing and rebuilt. The cache is bounded: one entry per module per
space, the least recently used spaces beyond ``KEEP_SPACES`` are removed, and entries of files
that no longer exist are pruned.

Used by ``asynclint check`` (``cli``) and meant for the editor server: ``Cache.lookup(path, text)``
and ``Cache.store(...)``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DIRECTORY = ".asynclint_cache"
ENVIRONMENT = "ASYNCLINT_CACHE_DIR"
FORMAT = 1
KEEP_SPACES = 4
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# asynclint's cache (https://bford.info/cachedir/)\n"
_PRUNE_EVERY = 3600.0  # seconds between prunes of deleted files' entries
PREFILTER_RECORDS = 8192  # prefilter memos kept per shard (16 shards: by a content hash's first hex digit)


_UNKNOWN = object()


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def text_hash(text: str) -> str:
    """The content hash of a module's text (equal to ``file_hash`` of its file when UTF-8)."""
    return digest(text.encode("utf-8", "surrogateescape"))


def file_hash(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return None


_fingerprint: str | None = None


def source_fingerprint() -> str:
    """asynclint's version and a hash of its own source files (a dev checkout changes it on edits)."""
    global _fingerprint  # pylint: disable=global-statement
    if _fingerprint is None:
        from asynclint import __version__

        _fingerprint = sources_hash(Path(__file__).resolve().parent, __version__)
    return _fingerprint


def sources_hash(package: Path, version: str = "") -> str:
    """A hash of the package's modules, the same in every process: the regular ``.py`` files by
    relative path, without what an editor, a test or Python itself may leave beside them for a
    while (``.#lock.py`` links, hidden temporary files, ``__pycache__``)."""
    hasher = hashlib.blake2b(version.encode(), digest_size=16)
    found = []
    for directory, subdirs, files in os.walk(package):
        subdirs[:] = [name for name in subdirs if not name.startswith((".", "__pycache__"))]
        found += [os.path.join(directory, name) for name in files
                  if name.endswith(".py") and not name.startswith(".")]
    for path in sorted(found, key=lambda p: Path(p).relative_to(package).as_posix()):
        with contextlib.suppress(OSError):
            with open(path, "rb") as handle:
                data = handle.read()
            hasher.update(Path(path).relative_to(package).as_posix().encode() + b"\0" + data + b"\0")
    return hasher.hexdigest()


def _version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def settings_key(rules, django_version: str, options: dict) -> str:
    """Everything besides the module's text and dependencies that can change its findings."""
    settings = {
        "format": FORMAT, "asynclint": source_fingerprint(), "python": list(sys.version_info[:3]),
        "pylint": _version("pylint"), "astroid": _version("astroid"), "django-installed": _version("django"),
        "rules": sorted(rule.msgid for rule in rules), "django": django_version,
        "options": {name: options[name] for name in sorted(options)},
        "cwd": os.getcwd(),  # messages name other files relative to it
    }
    return digest(json.dumps(settings, sort_keys=True, default=str).encode())


def default_directory(config_path: Path | None) -> Path:
    """``$ASYNCLINT_CACHE_DIR``, else ``.asynclint_cache`` beside the project's ``pyproject.toml``
    (the one holding ``[tool.asynclint]``), else in the working directory."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    return (config_path.parent if config_path else Path.cwd()) / DIRECTORY


@dataclass
class CachedMessage:
    """A message read back from the cache: the attributes of pylint's ``Message`` that asynclint's
    output and error reporting read."""

    msg_id: str
    symbol: str
    msg: str
    abspath: str
    path: str
    module: str = ""
    obj: str = ""
    line: int = 1
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None
    category: str = ""
    confidence: str = ""
    #: The structured finding the rule recorded for this message (``asynclint.finding``), if any.
    finding: object = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, message, finding=None) -> CachedMessage:
        confidence = getattr(message, "confidence", "")
        return cls(msg_id=message.msg_id, symbol=message.symbol, msg=message.msg, abspath=message.abspath,
                   path=message.path, module=message.module, obj=message.obj, line=message.line,
                   column=message.column, end_line=message.end_line, end_column=message.end_column,
                   category=getattr(message, "category", ""), confidence=getattr(confidence, "name", confidence),
                   finding=finding)

    def dump(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "finding"}
        if self.finding is not None:
            data["finding"] = encode(self.finding)
        return data

    @classmethod
    def load(cls, data: dict) -> CachedMessage:
        data = dict(data)
        finding = decode(data.pop("finding", None))
        message = cls(**data, finding=finding)
        if not all(isinstance(getattr(message, name), str) for name in ("msg_id", "symbol", "msg", "abspath")):
            raise ValueError("malformed message")
        return message


def encode(value):
    """Plain data (asynclint's dataclasses, tuples, lists, dicts, scalars) as JSON-ready values;
    TypeError for anything else (an astroid node, say), so such an entry is never stored."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return {"t": [encode(item) for item in value]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"d": [[encode(key), encode(item)] for key, item in value.items()]}
    cls = type(value)
    if dataclasses.is_dataclass(value) and cls.__module__.startswith("asynclint."):
        return {"c": f"{cls.__module__}:{cls.__qualname__}",
                "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}
    raise TypeError(f"cannot store a {cls.__qualname__}")


def decode(data):
    """``encode``'s inverse; ValueError for data it did not produce (only asynclint's dataclasses)."""
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if isinstance(data, dict) and set(data) == {"t"}:
        return tuple(decode(item) for item in data["t"])
    if isinstance(data, dict) and set(data) == {"d"}:
        return {_hashable(decode(key)): decode(item) for key, item in data["d"]}
    if isinstance(data, dict) and set(data) == {"c", "f"} and isinstance(data["c"], str):
        module, _, name = data["c"].partition(":")
        if not module.startswith("asynclint.") or not isinstance(data["f"], dict):
            raise ValueError(f"not a stored class: {data['c']}")
        import importlib

        cls = importlib.import_module(module)
        for part in name.split("."):
            cls = getattr(cls, part)
        if not dataclasses.is_dataclass(cls):
            raise ValueError(f"not a stored class: {data['c']}")
        return cls(**{key: decode(item) for key, item in data["f"].items()})
    raise ValueError("malformed stored value")


def _hashable(key):
    if isinstance(key, list):
        raise ValueError("malformed stored key")
    return key


class Cache:
    """One cache directory and one settings space in it."""

    def __init__(self, directory: Path | str, settings: str) -> None:
        self.directory = Path(directory)
        self.settings = settings
        self.space = self.directory / f"v{FORMAT}" / settings
        self._hashes: dict[str, str | None] = {}
        self._relations: dict[str, bool] = {}  # whether a file read in this run declares a related_name
        self._declaring: dict[str, list[str]] = {}  # relations_under()
        self._deployed: dict[str, object] = {}  # _deployment()
        self._texts: dict[tuple, object] = {}  # _text_answer()
        self._asking = None  # the run context _text_answer() asks in
        self._terms: dict[str, dict[str, dict]] = {}  # _file_terms(): shard -> bytes' hash -> record
        self._terms_changed: set[str] = set()
        self.unparsable: dict[str, int] = {}  # what the entries reused in this run could not parse
        self._ready = False

    # -- content hashes ------------------------------------------------------------------------
    def know(self, path: str, text: str) -> str:
        """Record the text read for ``path`` in this run; returns its hash."""
        path = os.path.abspath(path)
        found = self._hashes[path] = text_hash(text)
        self._relations[path] = "related_name" in text
        self._declaring.clear()
        return found

    def hash_of(self, path: str) -> str | None:
        found = self._hashes.get(path, _UNKNOWN)  # most paths asked are absolute and known already
        if found is not _UNKNOWN:
            return found
        path = os.path.abspath(path)
        if path not in self._hashes:
            self._hashes[path] = file_hash(path)
        return self._hashes[path]

    # -- entries -------------------------------------------------------------------------------
    def _entry(self, path: str) -> Path:
        name = digest(os.path.abspath(path).encode("utf-8", "surrogateescape"))
        return self.space / "files" / name[:2] / f"{name}.json"

    def lookup(self, path: str, text: str | None = None, rules=None) -> list[CachedMessage] | None:
        """The messages cached for the module at ``path`` with this ``text`` (default: as on disk),
        or None when there is no valid entry (missing, stale or unreadable)."""
        current = self.know(path, text) if text is not None else self.hash_of(path)
        entry = self._read(self._entry(path))
        if entry is None or entry.get("path") != os.path.abspath(path) or entry.get("hash") != current:
            return None
        if rules is not None and entry.get("rules") != sorted(rules):
            return None
        try:
            dependencies = entry["dependencies"]
            if any(self.hash_of(other) != expected for other, expected in dependencies.items()):
                return None
            index = entry.get("index")
            if index is not None and not self._index_unchanged(index):
                return None
            if any(self._deployment(root) != answer for root, answer in entry.get("deployments", {}).items()):
                return None
            if any(self._text_answer(*key.split("\0")) != answer for key, answer in entry.get("texts", {}).items()):
                return None
            if any(os.path.exists(path) for path in entry.get("absent", [])):
                return None  # a module an import did not find exists now
            found = [CachedMessage.load(item) for item in entry["messages"]]
            self.unparsable.update({str(where): int(line) for where, line in entry.get("unparsable", {}).items()})
            return found
        except (AttributeError, KeyError, TypeError, ValueError, StopIteration):
            return None

    def _deployment(self, root: str):
        """How the project at ``root`` serves HTTP now (``core.deployment``), encoded; once per run."""
        if root not in self._deployed:
            from asynclint.core import context, deployment

            with context.using(context.RunContext()):
                self._deployed[root] = encode(deployment.detect(Path(root)))
        return self._deployed[root]

    def _text_answer(self, kind: str, root: str, name: str):
        """What the project's text query ``kind`` says of ``name`` now (see ``TEXT_QUERIES``)."""
        from asynclint.core import context, django_kinds

        query = next(query for query in TEXT_QUERIES if query.kind == kind)  # StopIteration: not ours
        if self._asking is None:  # one context for every answer asked again (the project read once)
            self._asking = context.RunContext()
        if query.ask is not None:
            if (kind, root, name) not in self._texts:
                with context.using(self._asking):
                    self._texts[(kind, root, name)] = query.stored(query.ask(root, name), root)
            return self._texts[(kind, root, name)]
        if root not in self._texts:
            with context.using(self._asking):
                self._texts[root] = django_kinds.text_indexes(root, self._file_terms)
            self._store_terms()
        bases, names = self._texts[root]
        return _paths((bases if kind == "bases" else names).get(name, []))

    def _file_terms(self, path: str) -> tuple[list[str], list[str]] | None:
        """``django_kinds.text_terms`` of the file at ``path``, memoised by its bytes' hash in 16
        shards (``terms/<first hex digit>.json``): asking the text indexes again for a warm run reads
        the project's files but searches only the changed ones (most of a warm run on a large tree)."""
        from asynclint.core import django_kinds

        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        key = digest(data)
        if key[0] not in self._terms:
            entry = self._read(self.space / "terms" / f"{key[0]}.json") or {}
            records = entry.get("records")
            self._terms[key[0]] = {found: record for found, record in records.items() if _valid_terms(record)} \
                if isinstance(records, dict) else {}
        shard, now = self._terms[key[0]], time.time()
        record = shard.get(key)
        if record is None or now - record["used"] > _PRUNE_EVERY:
            if record is None:  # decoded as django_kinds._file_terms reads it
                text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace").read()
                record = dict(zip(("bases", "words"), django_kinds.text_terms(text)))
            shard[key] = {**record, "used": now}
            self._terms_changed.add(key[0])
        return shard[key]["bases"], shard[key]["words"]

    def _store_terms(self) -> None:
        """Write back the terms shards that learnt something (the most recently used records kept)."""
        for name in sorted(self._terms_changed):
            kept = sorted(self._terms[name].items(), key=lambda item: item[1]["used"], reverse=True)
            self._write(self.space / "terms" / f"{name}.json", {"records": dict(kept[:PREFILTER_RECORDS])})
        self._terms_changed.clear()

    def _index_unchanged(self, index: dict) -> bool:
        """The relation index: the same files declare a ``related_name`` (among those read)."""
        for root, recorded in index.items():
            files, skipped = recorded["files"], set(recorded["skipped"])
            if any(self.hash_of(path) != expected for path, expected in files.items()):
                return False
            if any(path not in files and path not in skipped for path in self.relations_under(root)):
                return False
        return True

    def relations_under(self, root: str) -> list[str]:
        """The files read in this run under ``root`` that declare a ``related_name``."""
        if root not in self._declaring:
            prefix = root.rstrip(os.sep) + os.sep
            self._declaring[root] = [path for path, declares in self._relations.items()
                                     if declares and path.startswith(prefix)]
        return self._declaring[root]

    @staticmethod
    def _declares_relations(path: str) -> bool:
        try:
            with open(path, "rb") as handle:
                return b"related_name" in handle.read()
        except OSError:
            return False

    def store(self, path: str, content_hash: str, rules, messages, dependencies: dict[str, str | None],
              index: dict | None = None, deployments: dict[str, object] | None = None,
              texts: dict[str, object] | None = None, absent: list[str] | None = None,
              unparsable: dict[str, int] | None = None) -> None:
        """Record ``messages`` (pylint ``Message`` or ``CachedMessage``) for the module at ``path``."""
        entry = {
            "path": os.path.abspath(path), "hash": content_hash, "rules": sorted(rules),
            "messages": [(m if isinstance(m, CachedMessage) else CachedMessage.of(m)).dump() for m in messages],
            "dependencies": dependencies, "index": index, "deployments": deployments or {},
            "texts": texts or {}, "absent": absent or [], "unparsable": unparsable or {}, "stored": time.time(),
        }
        self._write(self._entry(path), entry)

    def dependents(self, path: str) -> list[str]:
        """The modules whose entries record ``path`` as a dependency (its reverse dependencies)."""
        path = os.path.abspath(path)
        found = []
        for entry_path in (self.space / "files").glob("*/*.json"):
            entry = self._read(entry_path)
            if entry is not None and path in (entry.get("dependencies") or {}):
                found.append(entry["path"])
        return sorted(found)

    # -- a run ---------------------------------------------------------------------------------
    def scan(self, sources: list[tuple[str, str]], rules):
        """The prefilter's ``Scan`` of ``(path, text)`` sources, each text with the memo the cache
        keeps for its content hash (``prefilter.Module.memo``): an unchanged file answers what earlier
        scans asked it from there. Records each text's hash for ``lookup``."""
        from asynclint import prefilter

        self._deployed.clear()  # a new run: deployment files may have changed
        self.unparsable.clear()
        hashes = [self.know(path, text) for path, text in sources]
        shards = self._prefilter_shards({found[0] for found in hashes})
        modules = [prefilter.Module(path, text, memo=dict(shards[found[0]].get(found, {}).get("memo", {})))
                   for (path, text), found in zip(sources, hashes)]
        result = prefilter.scan(modules, rules)
        self._store_prefilter_memos(shards, modules, hashes)
        return result

    def reuse(self, scan, candidates: list[str], rules) -> tuple[list[CachedMessage], list[str], Recorder]:
        """The cached messages of the unchanged ``candidates``, the candidates to analyse, and the
        ``Recorder`` to put on the linter (``Linter.asynclint_recorder``) to store their entries."""
        messages, analysed, rules_of = [], [], {}
        for path in candidates:
            here = rules_of[os.path.abspath(path)] = [rule.msgid for rule in scan.rules_for(path, rules)]
            found = self.lookup(path, rules=here)
            if found is None:
                analysed.append(path)
            else:
                messages += found
        return messages, analysed, Recorder(self, rules_of)

    # -- the prefilter -------------------------------------------------------------------------
    def _prefilter_shard(self, name: str) -> Path:
        return self.space / "prefilter" / f"{name}.json"

    def _prefilter_shards(self, names: set[str]) -> dict[str, dict[str, dict]]:
        """The prefilter memos by content hash, read from the shards ``names`` (first hex digits);
        a record that is not a well-formed memo is dropped, never trusted."""
        shards = {}
        for name in names:
            entry = self._read(self._prefilter_shard(name)) or {}
            records = entry.get("records")
            shards[name] = {key: record for key, record in records.items() if _valid_record(record)} \
                if isinstance(records, dict) else {}
        return shards

    def _store_prefilter_memos(self, shards: dict[str, dict[str, dict]], modules, hashes: list[str]) -> None:
        """Write back the shards that learnt something: each text's answers used by this scan, plus
        the records of other texts (other files, earlier versions) up to ``PREFILTER_RECORDS``."""
        now = time.time()
        changed = set()
        for module, found in zip(modules, hashes):
            shard = shards[found[0]]
            if module.computed or found not in shard or now - shard[found].get("used", 0) > _PRUNE_EVERY:
                shard[found] = {"used": now, "memo": module.stored()}
                changed.add(found[0])
        for name in changed:
            records = shards[name]
            kept = sorted(records.items(), key=lambda item: item[1].get("used", 0), reverse=True)
            self._write(self._prefilter_shard(name), {"records": dict(kept[:PREFILTER_RECORDS])})

    # -- files ---------------------------------------------------------------------------------
    @staticmethod
    def _read(location: Path) -> dict | None:
        try:
            with open(location, encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError, UnicodeDecodeError):
            return None  # missing, truncated or corrupt: rebuilt, never trusted
        return entry if isinstance(entry, dict) else None

    def _prepare(self) -> None:
        if self._ready:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Created by asynclint automatically.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            marker = self.directory / name
            if not marker.exists():
                _atomic_write(marker, text)
        self.space.mkdir(parents=True, exist_ok=True)
        self._ready = True

    def _write(self, location: Path, entry: dict) -> None:
        try:
            self._prepare()
            location.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(location, json.dumps(entry, separators=(",", ":")))
        except OSError:
            pass  # a read-only or vanished cache directory costs speed, never a result

    # -- bounds --------------------------------------------------------------------------------
    def touch(self) -> None:
        """Mark this settings space as used now (for ``prune``)."""
        with contextlib.suppress(OSError):
            self._prepare()
            (self.space / "used").touch()

    def prune(self) -> None:
        """Remove the least recently used spaces beyond ``KEEP_SPACES`` and, at most once an hour,
        the entries of files that no longer exist."""
        self.touch()
        self._prune_oldest(self.directory / f"v{FORMAT}", keep=KEEP_SPACES, marker="used")
        stamp = self.space / "pruned"
        with contextlib.suppress(OSError):
            if stamp.exists() and time.time() - stamp.stat().st_mtime < _PRUNE_EVERY:
                return
            stamp.touch()
            for location in (self.space / "files").glob("*/*.json"):
                entry = self._read(location)
                if entry is None or not isinstance(entry.get("path"), str) or not os.path.exists(entry["path"]):
                    with contextlib.suppress(OSError):
                        location.unlink()

    @staticmethod
    def _prune_oldest(folder: Path, keep: int, marker: str = "") -> None:
        try:
            children = list(folder.iterdir())
        except OSError:
            return

        def used(child: Path) -> float:
            try:
                return (child / marker if marker else child).stat().st_mtime
            except OSError:
                return 0.0

        for child in sorted(children, key=used, reverse=True)[keep:]:
            with contextlib.suppress(OSError):
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()

    def size(self) -> tuple[int, int]:
        """``(files, bytes)`` of the whole cache directory."""
        count = total = 0
        for directory, _, files in os.walk(self.directory):
            for name in files:
                with contextlib.suppress(OSError):
                    total += os.stat(os.path.join(directory, name)).st_size
                    count += 1
        return count, total


def _valid_record(record) -> bool:
    """A prefilter memo record as ``_store_prefilter_memos`` writes it: answers are booleans, None or
    lists of names."""
    if not isinstance(record, dict) or not isinstance(record.get("memo"), dict) or \
            not isinstance(record.get("used"), (int, float)):
        return False
    return all(value is None or isinstance(value, bool) or
               (isinstance(value, list) and all(isinstance(item, str) for item in value))
               for value in record["memo"].values())


def _valid_terms(record) -> bool:
    """A well-formed record of ``Cache._file_terms`` (anything else is dropped, never trusted)."""
    return isinstance(record, dict) and isinstance(record.get("used"), (int, float)) and all(
        isinstance(record.get(key), list) and all(isinstance(item, str) for item in record[key])
        for key in ("bases", "words"))


def _atomic_write(location: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=location.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, location)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def clean(directory: Path | str) -> bool:
    """Remove a cache directory (only one that asynclint created); True when one was removed."""
    directory = Path(directory)
    if not directory.is_dir():
        return False
    try:
        ours = "asynclint" in (directory / "CACHEDIR.TAG").read_text(encoding="utf-8", errors="replace")
    except OSError:
        ours = False
    if not ours:
        raise ValueError(f"{directory} is not an asynclint cache directory")
    shutil.rmtree(directory)
    return True


# --- recording what a module's analysis read ---------------------------------------------------------
class _Reads(set):
    """The files handed out while one module is analysed (``Recorder.recording``). ``unsure``: the
    analysis used an answer whose reads are not known (stored outside any recording); its
    dependencies are then closed over the static imports of the modules reached."""

    unsure = False

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.texts: dict[str, object] = {}  # what the project's text indexes answered (TEXT_QUERIES)
        self.absent: set[str] = set()  # project paths whose appearance would resolve a failed import
        self.unparsable: dict[str, int] = {}  # modules astroid could not parse -> the error's line


class _Memo(dict):
    """A memo of the run's context (``core.context.RunContext.work``...) that remembers which module's
    analysis stored each answer. The analysis of a later module that uses the answer read, through
    it, what the earlier analysis read: those reads become its own (``_used``). So a module's
    dependencies are the files its analysis read, directly or through memoised answers."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.origins: dict = {}  # key -> the _Reads of the analysis that stored the answer

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        if _recording:
            self.origins[key] = _recording[-1]
        else:
            self.origins.pop(key, None)

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self._used(key)
        return value

    def __contains__(self, key) -> bool:
        found = super().__contains__(key)
        if found:
            self._used(key)
        return found

    def get(self, key, default=None):
        return self[key] if super().__contains__(key) else default

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return super().__getitem__(key)

    def pop(self, key, *default):
        self.origins.pop(key, None)
        return super().pop(key, *default)

    def __delitem__(self, key) -> None:
        self.origins.pop(key, None)
        super().__delitem__(key)

    def clear(self) -> None:
        self.origins.clear()
        super().clear()

    def _used(self, key) -> None:
        if not _recording:
            return
        reads, origin = _recording[-1], self.origins.get(key)
        if origin is None:
            reads.unsure = True
        elif origin is not reads:
            reads |= origin
            reads.texts.update(origin.texts)
            reads.absent |= origin.absent
            reads.unparsable.update(origin.unparsable)
            reads.unsure = reads.unsure or origin.unsure


#: The run context's dictionaries that are not memos of answers one module's analysis can hand to
#: another's: the per-module ones (``RunContext.reset_module`` clears them between modules) and where
#: files are (not what they say). Every other dictionary of the context is a ``_Memo`` while modules
#: are recorded, a new one too; ``deployments`` as well, which besides ``detect``'s answers (recorded
#: per module by ``detect``, so they carry no reads) keeps other once-per-run answers (Channels' lazy
#: scope keys, the middleware that resolves the user): a module that uses one read what it read.
NOT_MEMOS = frozenset({"kinds", "classes", "arguments", "on_loop", "project_files", "project_roots",
                       "deployment_roots", "production_async_unsafe"})


def _attribute_memos() -> None:
    """Make the current run context's cross-module memos ``_Memo``s (once per context)."""
    from asynclint.core import context

    run = context.current()
    for found in dataclasses.fields(run):
        memo = getattr(run, found.name, None)
        if found.name not in NOT_MEMOS and type(memo) is dict:  # pylint: disable=unidiomatic-typecheck
            setattr(run, found.name, _Memo(memo))


def _forget_inferences() -> None:
    """Drop astroid's inference caches: an answer inferred while another module was analysed would
    hand this module a tree without going through the lookups that record it."""
    from astroid.context import _invalidate_cache
    from astroid.inference_tip import clear_inference_tip_cache

    _invalidate_cache()
    clear_inference_tip_cache()


def _paths(answer, _root=None):
    """A text index's answer as stored: sorted absolute paths (None stays None)."""
    return None if answer is None else sorted(os.path.abspath(path) for path in answer)


def _listings(answer, root):
    """``core.middleware._listings``' answer as stored, with the hash of each file it names (the files
    whose ``MIDDLEWARE`` assignments the analysis parses)."""
    files = sorted({where for entries in answer.values() for _, where in entries})
    return {"names": {name: sorted(map(list, entries)) for name, entries in answer.items()},
            "files": {where: file_hash(os.path.join(root, where)) for where in files}}


@dataclass(frozen=True)
class TextQuery:
    """A question the analysis asks of the project's files as text (read, never parsed, so astroid's
    lookups do not record them): ``attribute`` of the module ``owner``; ``key``, how its arguments
    give (project root, name), None for a class's; ``stored``, its answer as the entry keeps it
    (JSON); ``ask``, the function asked again by (root, name) (None: ``django_kinds.text_indexes``)."""

    kind: str
    owner: str
    attribute: str
    key: object = None
    stored: object = _paths
    ask: object = None


#: A file that starts naming a base class, a class name, a signal, a lazy Channels scope entry or a
#: middleware is no recorded dependency of the modules whose answers it changes: each entry keeps what
#: these queries answered, and is stale when they now answer otherwise (``Cache._text_answer``).
TEXT_QUERIES = (
    TextQuery("bases", "asynclint.core.django_kinds", "_files_naming_base"),
    TextQuery("names", "asynclint.core.django_kinds", "_files_mentioning"),
    TextQuery("built-with", "asynclint.core.django_kinds", "models_built_with", lambda root, name: (root, name),
              stored=lambda answer, _root: answer,
              ask=lambda root, name: _owner("asynclint.core.django_kinds").models_built_with(root, name)),
    TextQuery("receivers", "asynclint.core.event_loop", "receiver_files", lambda root, name: (root, name),
              ask=lambda root, name: _owner("asynclint.core.event_loop").receiver_files(root, name)),
    TextQuery("lazy-scope-keys", "asynclint.libraries.channels", "project_lazy_loop_runner_keys",
              lambda root: (root, ""), stored=lambda answer, _root: sorted(answer),
              ask=lambda root, _name: _owner("asynclint.libraries.channels").project_lazy_loop_runner_keys(root)),
    TextQuery("middleware-listings", "asynclint.core.middleware", "_listings", lambda root: (str(root), ""),
              stored=_listings, ask=lambda root, _name: _owner("asynclint.core.middleware")._listings(Path(root))),
    TextQuery("cache-backends", "asynclint.core.caches", "configured_backends", lambda root: (str(root), ""),
              stored=lambda answer, _root: None if answer is None else {alias: list(found) for alias, found in answer.items()},
              ask=lambda root, _name: _owner("asynclint.core.caches").configured_backends(Path(root))),
    TextQuery("test-cache-backends", "asynclint.core.caches", "configured_test_backends", lambda root: (str(root), ""),
              stored=lambda answer, _root: None if answer is None else {alias: list(found) for alias, found in answer.items()},
              ask=lambda root, _name: _owner("asynclint.core.caches").configured_test_backends(Path(root))),
    TextQuery("own-loop-program", "asynclint.core.own_loop", "script_program",
              lambda root, path, _module=None: (root, path), stored=lambda answer, _root: _paths(answer),
              ask=lambda root, path: _owner("asynclint.core.own_loop").script_program(root, path)),
    TextQuery("files-naming", "asynclint.core.own_loop", "files_naming", lambda root, name: (root, name),
              ask=lambda root, name: _owner("asynclint.core.own_loop").files_naming(root, name)),
    # Where the project sets DJANGO_ALLOW_ASYNC_UNSAFE for its tests: a test configuration file or test
    # settings module that appears later is read by no earlier analysis (a file that did not exist).
    TextQuery("async-unsafe", "asynclint.core.own_loop", "_async_unsafe_set_by", lambda root: (root, ""),
              stored=lambda answer, _root: answer,
              ask=lambda root, _name: _owner("asynclint.core.own_loop")._async_unsafe_set_by(root)),
    # Where the project sets DJANGO_ALLOW_ASYNC_UNSAFE for production (its settings): a settings module
    # that starts or stops setting it changes the answer for every coroutine on a one-chain loop.
    TextQuery("async-unsafe-production", "asynclint.core.own_loop", "async_unsafe_set_in_production",
              lambda root: (root, ""), stored=lambda answer, _root: answer,
              ask=lambda root, _name: _owner("asynclint.core.own_loop").async_unsafe_set_in_production(root)),
    # The folder a file's project is deployed from: a Dockerfile, Procfile... appearing above it moves it
    # (and so which deployment files ``core.deployment.detect`` reads).
    TextQuery("deployment-root", "asynclint.core.deployment", "project_root", lambda path: (str(path), ""),
              stored=lambda answer, _root: str(answer),
              ask=lambda path, _name: str(_owner("asynclint.core.deployment").project_root(path))),
    TextQuery("library-version", "asynclint.core.versions", "library_for",
              lambda distribution, module_file: (os.path.dirname(os.path.abspath(module_file or ".")), distribution),
              stored=lambda answer, _root: encode(answer),
              ask=lambda folder, name: _owner("asynclint.core.versions").library_for(name, os.path.join(folder, "_"))),
)


def _owner(name: str):
    import importlib

    return importlib.import_module(name)


_recording: list[_Reads] = []  # the project files handed out while each module is analysed
_index_used: list[set[str]] = []  # the project roots whose relation index was used
_deployments: list[dict[str, object]] = []  # deployment roots asked about, and the (encoded) answers
_installed = False
_terms_of: list = []  # the Cache whose terms memo the analysis' text indexes use (the one recording)


def note_unparsable(path: str, line: int) -> None:
    """A module astroid could not parse while this one was analysed: a dependency (fixing it changes
    what the analysis sees), and a notice the entry repeats when it is reused (``driver.UNPARSABLE``)."""
    if _recording:
        _recording[-1].add(path)
        _recording[-1].unparsable[path] = line


def _note(module) -> None:
    if _recording:
        path = getattr(module, "file", None)
        if path:
            _recording[-1].add(path)


def _missing(modname, context_file) -> None:
    """Note the project paths where a module astroid did not find would be found if it appeared (a
    new file would change what the analysis sees; no earlier analysis read it)."""
    if not _recording or not modname:
        return
    from asynclint.core.django_kinds import is_project_file

    parts = modname.split(".")
    folders = [os.path.dirname(context_file)] if context_file else []
    for folder in dict.fromkeys([*folders, *sys.path]):
        if not os.path.isdir(folder or "."):
            continue  # a zip archive, a folder that is gone
        base = os.path.join(os.path.abspath(folder or "."), *parts)
        for candidate in (base + ".py", base):  # a module, or a package (regular or namespace)
            if is_project_file(base + ".py") and not os.path.exists(candidate):
                _recording[-1].absent.add(candidate)


def _install() -> None:
    """Wrap astroid's module lookups and django_kinds' relation index so they note what is read."""
    global _installed  # pylint: disable=global-statement
    if _installed:
        return
    from astroid.exceptions import AstroidBuildingError
    from astroid.manager import AstroidManager

    from asynclint.core import context, deployment, django_kinds

    by_name = AstroidManager.ast_from_module_name
    detected = deployment.detect
    by_file = AstroidManager.ast_from_file
    relations = django_kinds.reverse_relations
    user_relations = django_kinds.user_reverse_relations
    mentions = django_kinds.mentions
    names_word = django_kinds.names_word
    indexes = django_kinds.text_indexes

    def text_indexes(root, file_terms=None):
        if file_terms is None and _terms_of:
            found = indexes(root, _terms_of[-1]._file_terms)
            _terms_of[-1]._store_terms()
            return found
        return indexes(root, file_terms)

    def ast_from_module_name(self, modname, *args, **kwargs):
        try:
            module = by_name(self, modname, *args, **kwargs)
        except AstroidBuildingError:
            _missing(modname, kwargs.get("context_file", args[0] if args else None))
            raise
        _note(module)
        return module

    def ast_from_file(self, filepath, *args, **kwargs):
        module = by_file(self, filepath, *args, **kwargs)
        _note(module)
        return module

    def read_text(path, word):
        found = mentions(path, word)
        if _recording and not found:
            _recording[-1].add(path)  # not parsed for not holding ``word``: it would be if it did
        return found

    def read_word(path, word):
        if _recording:
            _recording[-1].add(path)  # the answer depends on the file's text either way
        return names_word(path, word)

    def reverse_relations(model):
        if _index_used:
            module_file = model.root().file
            if module_file:
                _index_used[-1].add(django_kinds._project_root(  # pylint: disable=protected-access
                    os.path.dirname(os.path.abspath(module_file))))
        return relations(model)

    def user_reverse_relations(use, by_class=False):
        if _index_used:
            module_file = use.root().file
            if module_file:
                _index_used[-1].add(django_kinds._project_root(  # pylint: disable=protected-access
                    os.path.dirname(os.path.abspath(module_file))))
        return user_relations(use, by_class)

    def detect(root):
        found = detected(root)
        if _deployments:
            _deployments[-1][str(root)] = encode(found)
            known = context.current().deployments
            if isinstance(known, _Memo) and root in known.origins:
                known.origins[root] = _Reads()  # recorded per module as it is asked: it carries no reads
        return found

    def noting(query, function):
        key = query.key or class_key

        def asked(*args):
            answer = function(*args)
            if _recording:
                root, name = key(*args)
                _recording[-1].texts[f"{query.kind}\0{root}\0{name}"] = query.stored(answer, root)
            return answer
        return asked

    def class_key(cls):
        return django_kinds._project_root(  # pylint: disable=protected-access
            os.path.dirname(os.path.abspath(cls.root().file or "."))), cls.name

    for query in TEXT_QUERIES:
        owner = _owner(query.owner)
        setattr(owner, query.attribute, noting(query, getattr(owner, query.attribute)))
    AstroidManager.ast_from_module_name = ast_from_module_name
    AstroidManager.ast_from_file = ast_from_file
    django_kinds.reverse_relations = reverse_relations
    django_kinds.user_reverse_relations = user_reverse_relations
    django_kinds.mentions = read_text
    django_kinds.names_word = read_word
    django_kinds.text_indexes = text_indexes
    deployment.detect = detect
    _installed = True


def _key(message) -> tuple:
    """What joins a pylint message to the structured finding a rule recorded for it (``Finding.key``)."""
    return (message.abspath or message.path, message.line, message.column or 0, message.symbol, message.msg)


class Recorder:
    """Stores each analysed module's messages and dependencies; picklable, so pylint's ``-j``
    workers store their modules' entries themselves."""

    def __init__(self, cache: Cache, rules: dict[str, list[str]]) -> None:
        self.cache = cache  # knows the hash of each text this run read
        self.rules = rules  # {absolute path: msgids of the rules that can fire there}
        self._imports: dict[str, set[str]] = {}
        self._index_used: set[str] = set()  # roots whose index any analysis so far used (memoised)
        self._index_files: dict[str, dict] = {}

    @contextlib.contextmanager
    def recording(self, linter, filepath: str):
        """Around the analysis of one module by ``linter``: store its entry afterwards."""
        _install()
        reporter = linter.reporter
        before = len(reporter.messages)
        sink = getattr(linter, "asynclint_findings", None)  # the rules' structured findings, if recorded
        recorded = len(sink) if isinstance(sink, list) else 0
        _attribute_memos()
        _forget_inferences()
        _recording.append(_Reads({filepath}))
        _index_used.append(set())
        _deployments.append({})
        _terms_of.append(self.cache)
        try:
            yield
        finally:
            _terms_of.pop()
            read = _recording.pop()
            self._index_used |= _index_used.pop()
            deployments = _deployments.pop()
        path = os.path.abspath(filepath)
        expected = self.cache.hash_of(path) if path in self.rules else None
        overlay = getattr(linter, "asynclint_overlay", None) or {}
        text = overlay.get(os.path.realpath(path))
        if expected is None or (text_hash(text) if text is not None else file_hash(path)) != expected:
            return  # changed while analysed (or not ours): not stored
        try:
            dependencies = self._dependencies(read, path)
            index = self._index() if self._index_used else None
            structured = {getattr(found, "key", None): found for found in sink[recorded:]} \
                if isinstance(sink, list) else {}
            messages = [CachedMessage.of(message, structured.get(_key(message)))
                        for message in reporter.messages[before:]]
            self.cache.store(path, expected, self.rules.get(path, []), messages, dependencies, index, deployments,
                             read.texts, sorted(read.absent), read.unparsable)
        except Exception:  # pylint: disable=broad-except  # never lose a result over the cache
            return

    def _dependencies(self, read: _Reads, path: str) -> dict[str, str | None]:
        """The project files read (directly or through memoised answers, see ``_Memo``); when the
        analysis used an answer of unknown origin, closed over the static imports of the modules
        reached (what that answer can have read)."""
        from asynclint.core.django_kinds import is_project_file

        if read.unsure:
            seen = self._closure(read)
        else:
            seen = {os.path.abspath(p) for p in read if p and is_project_file(p)}
        seen.discard(path)
        # The hashes of the texts read when the run started: a file changed since is re-analysed next time.
        return {other: self.cache.hash_of(other) for other in sorted(seen)}

    def _closure(self, read: set[str]) -> set[str]:
        """The project files read, closed over the static imports of the modules reached."""
        from astroid import MANAGER

        from asynclint.core.django_kinds import is_project_file

        by_file = {os.path.abspath(module.file): module for module in list(MANAGER.astroid_cache.values())
                   if getattr(module, "file", None)}
        seen: set[str] = set()
        todo = [os.path.abspath(p) for p in read if p and is_project_file(p)]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            module = by_file.get(current)
            if module is None:
                continue
            for name in self._imports_of(module):
                found = MANAGER.astroid_cache.get(name)
                found_file = getattr(found, "file", None)
                if found_file and found_file.endswith(".py") and is_project_file(found_file):
                    todo.append(os.path.abspath(found_file))
        return seen

    def _imports_of(self, module) -> set[str]:
        """Module names the module's import statements can reach (packages, submodules)."""
        if module.name in self._imports:
            return self._imports[module.name]
        from astroid import nodes

        from asynclint.core.imports import absolute_module

        names: set[str] = set()

        def add(name: str) -> None:
            parts = name.split(".")
            names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))

        for node in _import_statements(module):
            if isinstance(node, nodes.Import):
                for name, _ in node.names:
                    add(name)
                continue
            try:
                base = absolute_module(node)  # as the analysis resolves it (a namespace folder's siblings too)
            except Exception:  # pylint: disable=broad-except  # a relative import beyond the top
                continue
            if not base:
                continue
            add(base)
            names.update(f"{base}.{name}" for name, _ in node.names if name != "*")
        if module.package:  # a package's __init__ is where its submodules' names resolve
            names.add(module.name)
        self._imports[module.name] = names
        return names

    def _index(self) -> dict[str, dict]:
        """The relation index of each root used: its files that declare a ``related_name``."""
        from asynclint.core import django_kinds

        found = {}
        for root in sorted(self._index_used):
            if root not in self._index_files:
                files = {}
                for path in django_kinds._python_files_under(root):  # pylint: disable=protected-access
                    absolute = os.path.abspath(path)
                    if Cache._declares_relations(absolute):
                        files[absolute] = self.cache.hash_of(absolute)
                skipped = sorted(set(self.cache.relations_under(root)) - set(files))  # the index does not read them
                self._index_files[root] = {"files": files, "skipped": skipped}
            found[root] = self._index_files[root]
        return found


def _import_statements(module):
    """The import statements anywhere in ``module`` (statements only are walked: expressions hold none)."""
    from astroid import nodes

    bodies = (nodes.ExceptHandler, nodes.MatchCase)
    stack = list(module.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (nodes.Import, nodes.ImportFrom)):
            yield node
            continue
        stack.extend(child for child in node.get_children() if child.is_statement or isinstance(child, bodies))
