"""W5712 blocking-call-in-async.

## What it does
Flags blocking calls common in Django code made on the event loop: `time.sleep`, `requests.*` and
`requests.Session` methods, `urllib.request.urlopen`/`urlretrieve`, module-level `httpx` verbs and
`httpx.Client` methods, `http.client` connections, `subprocess.*` and a `Popen`'s
`communicate()`/`wait()` (the `Popen` made here, returned by a project function or method, sync or
async, or known from an annotation: `child: subprocess.Popen`, `"Optional[Popen]"`, `-> Popen`), `os.system`/`os.popen`, `open()`, `Path.read_*`/`write_*`/`open`/`rglob`
(on any `pathlib.Path`: built with `/`, `.parent`, `.joinpath()`, `.resolve()`, kept in a module
constant or an attribute, returned by a function annotated `-> Path`, or `settings.BASE_DIR / "x"`),
`shutil` copies, moves and `rmtree`, DNS lookups and connections (`socket.getaddrinfo`,
`socket.create_connection`, a socket's `recv`/`sendall`...), `smtplib.SMTP`, Django's `send_mail`/`send_mass_mail`/`mail_admins`/`mail_managers` and
`EmailMessage.send()`, `input()` (not when its answer goes straight, or through a name used for nothing
else, to an awaited interactive sign-in step of a Telegram user-client library the module imports:
`await client.sign_in(phone, input("Code: "))`, a console login that waits for the operator by design, as
Telethon's own `start()` does), a `django.tasks` task's sync `enqueue()`/`get_result()`, and
`call_command()` (it runs the command's `handle()` in the caller's thread: a command that queries raises
SynchronousOnlyOperation there; when one project file `<app>/management/commands/<name>.py` names the
command, the message and the finding's path name what its `handle()` does).
Libraries too (docs/libraries.md): sync SDK and storage clients (urllib3, boto3, redis, psycopg,
Elasticsearch, Stripe, OpenAI, Anthropic, pymongo, MinIO, firebase-admin, Django's file storage), each
message naming the library's
async client, and task queues (Celery `delay()`/`apply_async()`/`send_task()`, dramatiq `send()`, RQ
`enqueue()`, django-q `async_task()`). Iterating the sync stream that OpenAI's or Anthropic's
`create(..., stream=True)` returns (`for chunk in stream`, or a comprehension, over the name it is kept
in, also when a caller hands it in) reads the response from the network at each step. Projects add their own with the `sync-apis` option, whose
effect picks the rule (`cpu`, `network`, `file` and `blocking` land here):
`sync-apis = ["shop.pdf.render_invoice -> cpu -> await sync_to_async(render_invoice)(...)"]`;
the older `blocking-calls = ["shop.pdf.render_invoice -> ..."]` is the same with `blocking`.
Code that runs once per process, not per request (a management command, a migration, a settings
module, an `AppConfig`, a system check), is not checked; nor is a coroutine on a loop that serves
nothing else (`asynclint.core.own_loop`): one of a test module; one reached only through awaits from a
script's own `asyncio.run()` (a module other modules import counts for a coroutine that only the module's
own `if __name__ == "__main__":` block runs, a library module's demo); or one reached only from a loop
that a worker runs for one task: a
coroutine that sync code hands to `asyncio.run()`/`loop.run_until_complete()`, or that a task queue's
task or a management command hands to `async_to_sync()`, and the methods a library runs on a loop of
its own in a worker (the `run()` of a pulpcore `Stage` subclass: the Stages API pipeline of a Pulp
task; the table is `asynclint.libraries.loops`), with every coroutine that they await, iterate,
schedule (`create_task`, `gather`) or collect, and nothing else in the project calls or registers (a
coroutine also served as an aiohttp or ASGI handler stays reported; so does `async_to_sync()` from a
view, which under ASGI runs on the server's loop). On a worker's loop only work on this machine is
tolerated (CPU, the local file system: reading a file the task just wrote); a request to another
machine, a child process or a sleep there stays reported: the loop runs its coroutines side by side
(pipeline stages, gathered downloads, `wait_for` timeouts) and all of them wait for the peer. The sync
ORM is reported there all the same: it raises wherever a loop runs. One file-system call per iteration of a loop whose every iteration
awaits (a poll) counts as a single call.

Silent on a loop that runs one chain of awaits (`asynclint.core.own_loop.single_chain_loop_reason`; the
criterion is the one sync-orm-call-in-async describes): nothing else waits on that loop, so a request, a
sleep or a task enqueued there (a coroutine a sync view's `transaction.on_commit` callback runs with
`asyncio.run()`) stalls nobody. Work that only blocks needs nothing more; work whose backend may query the
database (the cache, sessions, auth, signals, templates) also needs the project to set
`DJANGO_ALLOW_ASYNC_UNSAFE` for production.

File-system calls that read no file are *possible* findings (confidence INFERENCE): a directory
listing (`os.listdir`, `os.scandir`, `os.walk`, `glob.glob`, `Path.iterdir()`/`glob()`/`rglob()`),
and one syscall on one path (`os.path.exists`/`isfile`/`getsize`..., `os.stat`, `os.makedirs`,
`os.remove`, `Path.exists()`/`is_file()`/`stat()`/`mkdir()`...) only when it runs in a loop. Cheap
on local disk, so maintainers keep a single `os.stat` on the loop, but they did move per-request
searches that stat candidate files off it, and on network storage each call stalls the loop.
`open()` stays definite although most files a request reads are small: its cost grows with the file
(a template, an upload, a downloaded index) and maintainers did move such reads off request-serving
loops (reactpy-django read its web modules in a thread); where nothing else waits on the loop
(above), it is not reported at all.

Silent where an async test replaces the function with `unittest.mock.patch` (a decorator on the test
or its class, or a `with patch("requests.get"):` block around the call): the mock does no I/O.

## Why is this bad?
Nothing raises: the call simply holds the event loop, so every other request served by that worker
waits until it returns.

## Example
```python
async def notify(request):
    send_mail("Hi", "Body", None, ["a@example.com"])
```

## Use instead
```python
async def notify(request):
    await sync_to_async(send_mail)("Hi", "Body", None, ["a@example.com"])
```

## Fix safety
`time.sleep(x)` to `await asyncio.sleep(x)` is unsafe (code may rely on blocking); a task's
`enqueue()` to `await task.aenqueue()` is safe from Django 6.0. The other replacements use different
libraries or a thread and are not fixed automatically.

## Django versions
All; `task.aenqueue()` exists from Django 6.0.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class BlockingCallInAsync(SyncCallRule):
    msgid = "W5712"
    symbol = "blocking-call-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Await the async form (asyncio.sleep, task.aenqueue...)"
    django_versions = DjangoVersions("All")
    summary = "A blocking call runs on the event loop and stalls every other request; use its async form."
    effects = (api.BLOCKING_IO, api.TASK_QUEUE, api.CPU_BOUND)

    @only_required_for_messages("blocking-call-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)

    @only_required_for_messages("blocking-call-in-async")
    def visit_attribute(self, node: nodes.Attribute) -> None:
        self.check_sync_attribute(node)

    @only_required_for_messages("blocking-call-in-async")
    def visit_with(self, node: nodes.With) -> None:
        self.check_entered_object(node)

    @only_required_for_messages("blocking-call-in-async")
    def visit_for(self, node: nodes.For) -> None:
        self.check_iterated_object(node)

    @only_required_for_messages("blocking-call-in-async")
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        self.check_iterated_object(node)
