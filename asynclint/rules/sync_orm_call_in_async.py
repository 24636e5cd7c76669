"""E5701 sync-orm-call-in-async.

## What it does
Flags calls on the event loop that run a database query or write through Django's sync ORM:
QuerySet and manager methods that do not return a QuerySet (`get`, `count`, `create`, `update`,
`delete`, `iterator`...), model instance `save`/`delete`/`refresh_from_db`/`full_clean`,
related-manager `add`/`remove`/`clear`/`set`/`create`, `get_object_or_404`/`get_list_or_404`,
`prefetch_related_objects`, `Paginator(qs).page()`/`get_page()`, and the connection itself
(`connection`, `connections[alias]`, each of `connections.all()`): `cursor()`, `ensure_connection()`,
`close()`, `commit()`, `rollback()`, `get_autocommit()`/`set_autocommit()`, savepoints, and
`transaction.get_autocommit()` (`close_old_connections()` is not reported: on the loop's thread it
finds no connection of its own and does nothing).
The receiver is recognised through variables, custom managers, custom QuerySet methods, related
managers, loop variables and annotated parameters, also on a model class held in a variable:
`model.objects.get()` where `model: Type[models.Model]` (`type[Book]`, `Optional[...]`), taken from
`apps.get_model(...)`, `apps.get_models()`, `ContentType.model_class()`, a QuerySet's or manager's
`.model`, or a `ModelAdmin`'s `self.model`. Also a read of a field that `.only(...)`/`.defer(...)`
left out of the query that loaded the instance (`(await Book.objects.only("id").aget(pk=1)).title`):
Django loads it with another, sync query; likewise a forward `ForeignKey`/`OneToOneField` of an
instance fetched from a model's plain manager by a query without `select_related`/`prefetch_related`
of it (`(await Book.objects.aget(pk=1)).author`, the rows of `await sync_to_async(list)(qs)`), its
first read in the function (a `hasattr`/`getattr` of it before, also in `sync_to_async`, is that read), or
such an instance returned by an async django-ninja operation whose `response=` is
`create_schema(Model, depth=1)` (or deeper; the call or a module-level name bound to it, also in
`list[...]`), which nests each foreign key it keeps (`fields=`/`exclude=`) and reads it when ninja
validates the response on the loop (`custom_fields`/`base_class`: unknown, silent); likewise
a reverse one-to-one accessor (`card.chip` for `OneToOneField(Card, related_name="chip")`, or Django's
default `card.sleeve`), which Django caches only once selected or read; on the user authentication
loaded (`await request.auser()`, `scope["user"]`) a reverse one-to-one to the user model
(`settings.AUTH_USER_MODEL`, `get_user_model()`, `"auth.User"`) is *possible* (Django's `ModelBackend`
loads the user by pk without relations; another backend may select it); a nullable one (`null=True`) as *possible*: Django queries whenever its
`_id` is set, only a NULL id reads None without a query. The project's own user model (an
`AbstractUser`/`AbstractBaseUser` subclass) is a model like any other, and relations to
`django.contrib.auth`'s models (`Group`, `settings.AUTH_USER_MODEL`, `get_user_model()`) are relations
like any other. A user known only from an annotation (a parameter annotated with the project's user
model, a request class that declares `user: Member`) is most often the one authentication loaded by pk,
without its relations: reading one is *possible*. Likewise `self` in a model's own `async def` method
(`async def label(self): return self.team.name`): which query loaded the instance is its callers'
business, and Django's loaders select no relation unless told to (`arefresh_from_db()` even drops a
cached one; only `from_queryset=`, Django 5.1+, may select it, so the method is then silent); reading
`self.team_id`, reading in a thread, and sync methods stay silent, and so does a model the project never
loads (no manager, shortcut or generic view names it but to create rows, no relation leads to it) and only
builds with the relation passed (`Child(parent=parent)` and `Child.objects.acreate(parent=parent)` cache it;
`acreate(parent_id=...)` does not). An instance of another model known
only from an annotation stays silent (its caller often selected what it reads). Values handed to a project object keep
their kind: `Holder(book).item`, `await holder.resolution()` returning `self.item`, and `self.item`
in the methods of a class every construction of which passes a model instance. Also where a QuerySet or instance is handed to a project coroutine
(a function or method, in any module) that does such a read, or a query or write with it, on the loop:
the call is reported, naming what the coroutine does (possible when only a branch the call does not
decide does it); likewise an instance loaded with `.only()`/`.defer()` whose own coroutine method reads
a field left out (`await agent.nats_cmd()` reading `self.agent_id`), also when sync code runs that
coroutine with `asyncio.run(...)`/`loop.run_until_complete(...)` (a Celery task); a method that every call in the project passes such a value (an unannotated
parameter its callers type) is reported in the method itself, once, not at the calls.
Libraries that query (docs/libraries.md): DRF and adrf serializers (`save()`, a `ModelSerializer`'s
`is_valid()` when it validates a relation or a unique field, `.data` over a QuerySet) and adrf
generic views (`get_object()`, `paginate_queryset()`), `ContentType.objects.get_for_model()`,
`Site.objects.get_current()`, a `ModelForm`'s `save()` (not `commit=False`) and its `is_valid()`
when `Meta.fields` names a relation or a unique field, django-waffle and django-guardian; and the project's own functions
declared with `sync-apis = ["acme.flags.is_on -> database -> await acme.flags.ais_on(...)"]`.
A class imported from a `models` module asynclint cannot load (an app that is not installed) is a model by
Django's convention: in Django code (a module that imports Django, or one in a Django project folder) its
`objects` is a manager; elsewhere (a lone bot module that imports nothing from Django) a QuerySet chain on
it (`Option.objects.filter(...).first()`) is *possible*, without a fix (another ORM's class could look the same).

Silent in a test module (`test_*.py`, `*_tests.py`, `tests.py`) of a project whose test run sets
`DJANGO_ALLOW_ASYNC_UNSAFE` (a `conftest.py`, a test settings module, pytest-env's `env` in
`pytest.ini`/`setup.cfg`/`pyproject.toml`, or tox's `setenv`; a comment or tox's `passenv` sets
nothing): Django then runs the query instead of raising, and the test chose it.

Silent on a loop that runs one chain of awaits in a project that sets `DJANGO_ALLOW_ASYNC_UNSAFE`
for production (a module-level statement of a non-test module, as in its settings: Django's switch for
code that knows nothing concurrent runs, `asynclint.core.own_loop.single_chain_loop_reason`): the
coroutine is run only by `asyncio.run()` from sync code (a process or thread target, a management
command), and neither the coroutines that reach it nor any project function they call starts anything
beside the chain (no `create_task`, `gather`, `wait`, `wait_for`, `TaskGroup`, `timeout`, server,
callback, queue or lock, nor an import of a library that serves on the loop: websockets, aiogram,
Channels...). The sync work there stalls no other coroutine, and with the variable set Django runs the
query. A loop that gathers several such coroutines, or a project that leaves the guard on, stays reported.

## Why is this bad?
Every query path reaches `connection.cursor()`, which Django guards with `@async_unsafe`: on a
thread that runs an event loop it raises `SynchronousOnlyOperation`. The call never works in an
`async def`.

## Example
```python
async def book_detail(request, pk):
    book = Book.objects.get(pk=pk)
```

## Use instead
```python
async def book_detail(request, pk):
    book = await Book.objects.aget(pk=pk)
```

## Fix safety
Replacing `x.name(...)` with `await x.aname(...)` is safe where the async method exists in the
targeted Django version (QuerySet methods 4.1, instance and related-manager methods 4.2, shortcuts
5.0, `AsyncPaginator` 6.0). Below that version, or for calls with no async form (`full_clean`,
`connection.cursor`), the work has to move into a sync function called with `sync_to_async`.

## Django versions
Fires for every version (the sync ORM has raised on the event loop since 3.0); the suggested
replacement follows `django-version`.
"""

from __future__ import annotations

import os

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from asynclint import django_api as api
from asynclint.core.chains import coroutine_work, is_run_by_loop_runner
from asynclint.core.describe import describe
from asynclint.core.django_kinds import INSTANCE_LIKE, deferred_field_read, kind_of, relation_read_note, \
    unloaded_relation_read
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.imports import qualified_name
from asynclint.libraries import ninja
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncOrmCallInAsync(SyncCallRule):
    msgid = "E5701"
    symbol = "sync-orm-call-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe"
    fix_title = "Await the async form of the call (aget, asave, aget_object_or_404...)"
    raises_on_loop = True
    django_versions = DjangoVersions(
        "Fires for every version (the sync ORM has raised on the event loop since 3.0)")
    summary = (
        "A sync ORM query or write is called on the event loop, where Django raises "
        "SynchronousOnlyOperation. Await its async form (aget, acount, asave...) or run it in "
        "sync_to_async."
    )
    effects = (api.QUERY, api.WRITE, api.RAW_SQL, api.CONNECTION_IO)

    @only_required_for_messages("sync-orm-call-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
        work = coroutine_work(node)
        if work is not None and work.operation.effect in self.effects and (
                runs_on_event_loop(node) or is_run_by_loop_runner(node)):
            read = work.operation.node
            where = f"{os.path.basename(read.root().file or '?')}:{read.lineno}"
            if work.unloaded:
                instance = "it is called on" if _reads_self(read) else "passed to it here"
                message = (f"{work.coroutine.name}() reads {describe(read)} ({where}), {_UNLOADED[work.unloaded]} "
                           f"the query that loaded the instance {instance}, so Django loads it with a sync "
                           f"query on the event loop"
                           f"{f' ({work.operation.possible})' if work.operation.possible else ''}; "
                           f"{_load_up_front(read, work.unloaded)}")
            else:
                message = (f"{work.coroutine.name}() {api.WORK_NOUNS[work.operation.effect]} on the event loop with "
                           f"the value passed to it here ({where}: {work.operation.shown}), where Django raises "
                           f"SynchronousOnlyOperation; use the async form there (await it)")
            self.report(node, message, INFERENCE if work.possible else HIGH)

    @only_required_for_messages("sync-orm-call-in-async")
    def visit_return(self, node: nodes.Return) -> None:
        """An async django-ninja operation whose ``response=`` is ``create_schema(Model, depth>=1)`` returns
        an instance of that model that a query loaded without selecting a foreign key the schema nests:
        ninja validates the response on the event loop, reading the relation (a sync query)."""
        frame = node.frame()
        schema = ninja.response_schema(frame) if isinstance(frame, nodes.AsyncFunctionDef) and node.value else None
        nested = ninja.nested_relations_schema(schema) if schema is not None else None
        if nested is None:
            return
        model, kept, taken = nested
        returned = node.value.elt if isinstance(node.value, (nodes.ListComp, nodes.SetComp)) else node.value
        instance = kind_of(returned)
        if instance is None or instance.name not in INSTANCE_LIKE or instance.model is not model \
                or instance.related is None:
            return
        for name, field in _forward_relations(model):
            if name in instance.related or name in taken or (kept is not None and name not in kept):
                continue
            nullable = any(keyword.arg == "null" and not (isinstance(keyword.value, nodes.Const) and
                                                           keyword.value.value is False)
                           for keyword in field.keywords or ())
            subject = describe(returned) if returned is node.value else f"each {describe(returned)} of the list"
            self.report(node.value, f"django-ninja validates {subject} against {describe(schema)} on the event loop, "
                                    f"and create_schema(..., depth=...) nests the foreign key '{name}', so it reads "
                                    f"{describe(returned)}.{name} there (a sync query"
                                    f"{'; nullable: only a NULL id skips it' if nullable else ''}), where Django "
                                    f"raises SynchronousOnlyOperation; load it with select_related('{name}') before "
                                    f"returning it", INFERENCE if nullable else HIGH)
            return

    @only_required_for_messages("sync-orm-call-in-async")
    def visit_attribute(self, node: nodes.Attribute) -> None:
        self.check_sync_attribute(node)
        if runs_on_event_loop(node) and (deferred_field_read(node) is not None
                                         or unloaded_relation_read(node) is not None):
            unloaded = "field" if deferred_field_read(node) is not None else "relation"
            note = relation_read_note(node) if unloaded == "relation" else ""
            self.report(node, f"{describe(node)} reads {_UNLOADED[unloaded]} the query that loaded the instance, "
                              f"so Django loads it with a sync query on the event loop"
                              f"{f' ({note})' if note else ''}; {_load_up_front(node, unloaded)}",
                        INFERENCE if note else HIGH)


def _forward_relations(model: nodes.ClassDef):
    """The (name, field call) of each ForeignKey/OneToOneField the model's own class body declares."""
    for statement in model.body:
        if isinstance(statement, nodes.Assign) and isinstance(statement.value, nodes.Call) and \
                len(statement.targets) == 1 and isinstance(statement.targets[0], nodes.AssignName) and \
                (qualified_name(statement.value.func) or "") in api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS:
            yield statement.targets[0].name, statement.value


def _reads_self(read: nodes.NodeNG) -> bool:
    """``self.agent_id``: the coroutine reads the instance it is a method of."""
    return isinstance(read, nodes.Attribute) and isinstance(read.expr, nodes.Name) and read.expr.name == "self"


_UNLOADED = {"field": "a field that .only()/.defer() left out of", "relation": "a relation not loaded with"}


def _load_up_front(read: nodes.Attribute, unloaded: str) -> str:
    if unloaded == "field":
        return f"load it up front (add '{read.attrname}' to .only(...), or do not defer it)"
    return f"load it up front (add .select_related('{read.attrname}') to that query)"
