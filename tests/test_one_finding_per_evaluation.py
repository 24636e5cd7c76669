"""One sync-queryset-evaluation-in-async finding per QuerySet and line: a second evaluation of the
same variable in a statement reads the result cache the first one filled (``reads_filled_cache``;
the runtime proof of which operations fill it is tests/runtime/test_filled_cache.py). The fixture
harness compares sets of (line, rule), so it cannot see a duplicate: this counts them."""

from __future__ import annotations

from collections import Counter

from tests.lint import FIXTURES, lint

FIXTURE = FIXTURES / "sync-queryset-evaluation-in-async" / "bad_second_evaluation_reads_the_cache.py"


def test_a_second_evaluation_of_the_filled_queryset_is_not_reported_again():
    findings = lint([FIXTURE], extra_sys_path=[FIXTURES])
    per_line = Counter(finding.line for finding in findings)
    shown = {finding.line: [] for finding in findings}
    for finding in findings:
        shown[finding.line].append(finding.message)
    # 14: ``book not in books and ... and book.pk not in books`` (and a values_list clone, its own query);
    # 21: ``books[0] ... if books`` (the truth test runs first); 27: ``books[0] == book or book in books``
    # (an index fills nothing: both query)
    assert per_line == {14: 2, 21: 1, 27: 2}, shown
