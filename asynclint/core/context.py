"""The analysis state of one run: the project index and the caches of ``core``, in one object.

The core's answers (the kind of a node, the sync work of a function, the relations of a model file)
are cached while a run lasts. They are kept here, in a ``RunContext``, instead of in module globals,
so a long-running process (the editor server) can keep one context and drop what a change makes
stale (``invalidate``), and a fresh run starts from nothing (``asynclint.driver`` makes one per run
and activates it with ``using``). Creating a context is cheap: it is a few empty dictionaries.

The core reads the active context with ``current()``; outside any run (a test calling a core
function directly, a pylint ``--load-plugins`` run, a ``-j`` worker process) that is a default
context that lives as long as the process.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(eq=False)
class RunContext:
    """What one run knows: the project file index and the analysis caches (see the module docstring)."""

    #: ``django_kinds``: node -> kind, valid for one module (cleared by ``reset_module``).
    kinds: dict = field(default_factory=dict)
    #: ``django_kinds``: class -> kind, valid for one module.
    classes: dict = field(default_factory=dict)
    #: ``django_kinds``: the nodes whose kind is being computed, and the parameter kinds of the calls
    #: being followed into project functions (innermost last).
    active: set = field(default_factory=set)
    bound: list = field(default_factory=list)
    #: ``django_kinds.argument_kinds``: module-level function -> the kinds its callers in its module
    #: pass for each parameter, valid for one module.
    arguments: dict = field(default_factory=dict)
    #: ``event_loop.runs_on_event_loop``: node -> whether it runs on the loop, valid for one module.
    on_loop: dict = field(default_factory=dict)
    #: ``own_loop.async_unsafe_allowed_in_tests``: project root -> where it sets DJANGO_ALLOW_ASYNC_UNSAFE
    #: for its tests (or None).
    async_unsafe: dict = field(default_factory=dict)
    #: ``own_loop.async_unsafe_set_in_production``: project root -> the file that sets it for production
    #: (or None). A text answer, recorded per asking module (``cache.NOT_MEMOS``).
    production_async_unsafe: dict = field(default_factory=dict)
    #: ``chains``: function -> its first sync work (a chain), for the whole run.
    work: dict = field(default_factory=dict)
    #: ``chains.parameter_work``: (function, parameter, kind) -> the sync work the function does with
    #: a QuerySet or model instance passed as that parameter, for the whole run.
    parameter_work: dict = field(default_factory=dict)
    computing: set = field(default_factory=set)
    #: The project index: project root -> its Python files; folder -> its project root;
    #: file -> the relation fields it declares.
    project_files: dict = field(default_factory=dict)
    project_roots: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    #: ``django_kinds.project_subclasses``: class -> its project subclasses; project root -> base
    #: name -> the files with a class statement naming it among its bases.
    subclasses: dict = field(default_factory=dict)
    base_names: dict = field(default_factory=dict)
    #: ``django_kinds.built_directly``: class -> whether the project builds objects of exactly it;
    #: project root -> capitalised name -> the files (tests aside) whose text holds it.
    built: dict = field(default_factory=dict)
    class_names: dict = field(default_factory=dict)
    #: ``django_kinds``: project class -> attribute -> the kind every construction of the class in the
    #: project gives it (``_constructions_agree``); ("calls", method) -> parameter -> the kinds its
    #: calls in the project pass (``_kind_from_method_callers``).
    callers: dict = field(default_factory=dict)
    #: ``django_kinds._method_call_arguments``: (file, method name) -> the project method each
    #: ``<receiver>.<name>(...)`` call there runs (``_method_key``, no nodes), or None when a use there
    #: makes the callers of any method of that name unknown. Outlives the chunks' trees (``release``):
    #: another copy's files are not parsed again for each question about a method of the same name.
    caller_summaries: dict = field(default_factory=dict)
    #: ``deployment``: file or folder -> its deployment root; root -> how it serves HTTP.
    deployment_roots: dict = field(default_factory=dict)
    deployments: dict = field(default_factory=dict)
    #: ``middleware``: deployment root -> name -> the dotted paths files mentioning MIDDLEWARE name.
    middleware_listings: dict = field(default_factory=dict)
    #: ``caches``: deployment root -> alias -> the backends its settings give (or None, unknown).
    cache_backends: dict = field(default_factory=dict)
    #: ``caches``: (Django project folder, app) -> whether its settings certainly leave the app out.
    apps_absent: dict = field(default_factory=dict)
    #: ``caches.application_folder``: Django project folder -> whether it holds a settings module;
    #: ``unreached``: (file, class, method, line) -> whether nothing in the application runs the method.
    applications: dict = field(default_factory=dict)
    never_run: dict = field(default_factory=dict)
    #: ``event_loop``: (project root, private signal name) -> the receivers the project connects.
    signal_receivers: dict = field(default_factory=dict)
    #: ``own_loop``: project root -> (import graph, dotted names in strings); (root, file) -> the
    #: files of the script program the file belongs to (or None).
    own_loop_programs: dict = field(default_factory=dict)
    #: ``imports.thread_adapter_of``: qualified name -> the thread adapter it is (or itself);
    #: ("module", name) -> whether that project module may define one.
    thread_adapters: dict = field(default_factory=dict)

    def reset_module(self) -> None:
        """Forget the per-module answers (between modules)."""
        self.kinds.clear()
        self.classes.clear()
        self.arguments.clear()
        self.on_loop.clear()

    def release(self) -> None:
        """Forget every answer that holds astroid nodes (the run drops the trees), keeping the file
        list of the project index."""
        self.reset_module()
        self.work.clear()
        self.parameter_work.clear()
        self.computing.clear()
        self.relations.clear()
        self.subclasses.clear()
        self.built.clear()
        self.callers.clear()
        self.signal_receivers.clear()
        self.own_loop_programs.clear()

    def invalidate(self, paths: Iterable[str] | None = None) -> None:
        """Forget what may depend on ``paths`` (changed, added or removed files); everything when None.

        The per-module and per-function caches hold astroid nodes of trees that a change replaces, so
        they are always dropped; the project index keeps the entries of unrelated files.
        """
        self.reset_module()
        self.work.clear()
        self.parameter_work.clear()
        self.computing.clear()
        self.subclasses.clear()
        self.base_names.clear()
        self.built.clear()
        self.callers.clear()
        self.caller_summaries.clear()
        self.class_names.clear()
        self.deployment_roots.clear()  # a Procfile, Dockerfile or asgi.py may be among the paths
        self.deployments.clear()
        self.middleware_listings.clear()  # a settings module may be among the paths
        self.cache_backends.clear()
        self.apps_absent.clear()  # a settings module may be among the paths
        self.applications.clear()
        self.never_run.clear()  # any file may name the method or the class
        self.async_unsafe.clear()  # a test settings module may be among the paths
        self.production_async_unsafe.clear()  # a settings module may be among the paths
        self.own_loop_programs.clear()  # a script or an import may be among the paths
        self.signal_receivers.clear()
        self.own_loop_programs.clear()
        self.thread_adapters.clear()  # a module may start or stop defining an adapter
        if paths is None:
            self.project_files.clear()
            self.project_roots.clear()
            self.relations.clear()
            return
        changed = {os.path.abspath(p) for p in paths}
        for path in changed:
            self.relations.pop(path, None)
        # A file added or removed changes the file list of the project holding it.
        for root in list(self.project_files):
            if any(path.startswith(root.rstrip(os.sep) + os.sep) for path in changed):
                del self.project_files[root]
        self.project_roots.clear()


_default = RunContext()
_current = _default


def current() -> RunContext:
    """The context of the run in progress (or the process-wide default)."""
    return _current


@contextlib.contextmanager
def using(context: RunContext) -> Iterator[RunContext]:
    """Make ``context`` the current one while the block runs."""
    global _current  # pylint: disable=global-statement
    saved, _current = _current, context
    try:
        yield context
    finally:
        _current = saved
