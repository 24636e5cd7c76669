"""The library tables: docs/libraries.md is generated from them, and sync-apis entries are checked."""

from __future__ import annotations

import json

import pytest

from asynclint import django_api as api
from asynclint.libraries import declared, docs


def test_libraries_page_is_up_to_date():
    assert docs.PAGE.read_text(encoding="utf-8") == docs.render(), "run: python -m asynclint.libraries.docs"


def test_every_library_row_names_its_library_and_a_replacement():
    for row in api.SYNC_APIS:
        if row.library:
            assert row.replacement or row.async_name, row
            assert row.effect in docs.RULE_OF_EFFECT, row


def test_sync_apis_effects_pick_the_table_effect():
    rows = declared.parse(sync_apis=["acme.flags.is_on -> database -> await acme.flags.ais_on(...)",
                                     "acme.pdf.render -> CPU"],
                          blocking_calls=["acme.mail.send"])
    assert rows["acme.flags.is_on"].effect == api.QUERY
    assert rows["acme.flags.is_on"].replacement == "await acme.flags.ais_on(...)"
    assert rows["acme.pdf.render"].effect == api.CPU_BOUND
    assert rows["acme.pdf.render"].replacement == "await sync_to_async(render)(...)"
    assert rows["acme.mail.send"].effect == api.BLOCKING_IO


@pytest.mark.parametrize("entry", ["acme.flags.is_on", "acme.flags.is_on -> disk", "is_on -> database"])
def test_sync_apis_rejects_bad_entries(entry):
    with pytest.raises(declared.InvalidEntry):
        declared.parse(sync_apis=[entry])


def test_a_bad_sync_apis_entry_exits_2(capsys):
    class Config:
        sync_apis = ["acme.flags.is_on -> disk"]
        blocking_calls = ()

    with pytest.raises(SystemExit) as exit_info:
        declared.declare(Config())
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_rules_lists_the_libraries(capsys):
    from asynclint.cli import main

    assert main(["rules", "--libraries"]) == 0
    out = capsys.readouterr().out
    assert "adrf" in out and "0.1.7" in out and "celery" in out and "blocking-call-in-async" in out


def test_one_file_system_call_is_a_possible_finding_and_a_file_read_a_definite_one(capsys):
    """``os.listdir()``, and ``os.path.isfile()``/``Path.exists()`` in a loop: rows marked possible (a
    maintainer may keep cheap syscalls on the loop; a single one outside a loop is not reported at all,
    good_file_system_in_threads.py); reading a file through a derived path stays definite."""
    import json

    from asynclint.cli import main
    from tests.lint import FIXTURES, on_sys_path

    folder = FIXTURES / "blocking-call-in-async"
    with on_sys_path(FIXTURES):
        main(["check", "-f", "json", "--select", "blocking-call-in-async",
              str(folder / "bad_file_system_calls.py"), str(folder / "bad_derived_paths.py")])
    found = json.loads(capsys.readouterr().out)
    certainties = {(f["path"].rpartition("/")[2], f["certainty"]) for f in found}
    assert certainties == {("bad_file_system_calls.py", "possible"), ("bad_derived_paths.py", "definite")}
    assert all(row.possible == (row.name in api.PATH_FILE_SYSTEM_METHODS + api.PATH_LISTINGS) for row in api.SYNC_APIS
               if row.receiver == api.PATH)


def test_every_library_lists_the_release_it_was_checked_with(capsys):
    """docs/libraries.md and ``asynclint rules --libraries`` name, per library, the release its rows were
    read in or proven with, and the libraries that run the project's code on a loop of their own."""
    from asynclint.cli import main
    from asynclint.libraries import table

    assert {row.library for row in table.SYNC_APIS} == set(table.VERSIONS)
    assert main(["rules", "--libraries", "-f", "json"]) == 0
    listed = {row["library"]: row["versions"] for row in json.loads(capsys.readouterr().out)}
    assert listed["pydicom"] == "3.0.2" and listed["Pillow"] == "13.0.0" and "pulpcore" in listed
    page = docs.render()
    assert "### pydicom (checked with 3.0.2)" in page and "| pulpcore |" in page


def test_file_library_rows_are_content_work_not_metadata():
    """Reading or writing a whole document: definite, local_disk (tolerated only on a worker's own
    loop, like open()), a thread as the replacement; never a possible one-syscall finding. pydicom's
    alone are conditional: on an in-memory buffer they touch no file."""
    from asynclint.libraries import files

    assert files.SYNC_APIS
    for row in files.SYNC_APIS:
        assert row.effect == api.BLOCKING_IO and row.local_disk and not row.possible, row
        assert row.only_if == (api.NOT_IN_MEMORY if row.library == "pydicom" else ""), row
        assert "to_thread" in row.replacement, row


def test_zipstream_zipfile_is_known_by_import_path(tmp_path):
    """python-zipstream's and zipstream-new's ``zipstream.ZipFile`` takes the module name of zipstream-ng (the
    test dependency), so the two cannot be installed together: its entry (``api.SYNC_ITERABLES``) is checked by
    import path alone, as a project without the package sees it (holdout7's filingcabinet_zip_sync_stream)."""
    from tests.lint import lint

    view = tmp_path / "views.py"
    view.write_text(
        "import zipstream\nfrom django.http import StreamingHttpResponse\n\n\n"
        "async def download(request):\n"
        "    archive = zipstream.ZipFile(mode='w', allowZip64=True)\n"
        "    archive.write('/etc/hostname')\n"
        "    return StreamingHttpResponse(archive)\n", encoding="utf-8")
    found = lint([view])
    assert [(f.line, f.symbol) for f in found] == [(8, "sync-iterator-in-streaming-response")]
    assert "sync_to_async(next)" in found[0].message


def test_graphql_servers_are_read_once_per_file(monkeypatch):
    """Whether a GraphQL library is served asynchronously is read from each project file once per run,
    whatever the number of resolvers asking: OpenHEXA's ariadne schema (97 files) re-parsed a module per
    resolver visit, 45 of its 53 seconds (benchmarks/README.md)."""
    from collections import Counter

    from asynclint.core.context import RunContext, using
    from asynclint.libraries import graphql
    from tests.lint import FIXTURES, lint

    reads: Counter[str] = Counter()
    original = graphql._async_servers_in  # noqa: SLF001

    def counted(path):
        reads[path] += 1
        return original(path)

    monkeypatch.setattr(graphql, "_async_servers_in", counted)
    with using(RunContext()):  # in-process runs share the default context: an earlier test may have read
        found = lint([FIXTURES / "sync-orm-call-in-async" / "bad_ariadne_sync_resolvers.py"])
    assert len([f for f in found if f.symbol == "sync-orm-call-in-async"]) == 3
    assert reads and max(reads.values()) == 1, reads
