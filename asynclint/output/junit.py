"""JUnit XML (for GitLab's and other CI's test reports): a test case per finding, and a passing one
per checked file without findings. A possible finding says so in its message."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from asynclint.output import Report


def render(report: Report) -> str:
    findings = report.findings
    clean = sorted(set(report.files) - {f.path for f in findings})
    suite = ET.Element("testsuite", name="asynclint", tests=str(len(findings) + len(clean)),
                       failures=str(len(findings)), errors="0", skipped="0")
    for f in findings:
        case = ET.SubElement(suite, "testcase", name=f"{f.msgid} {f.symbol} at {f.path}:{f.line}:{f.column}",
                             classname=f.path, file=f.path, line=str(f.line))
        shown = f"(possible) {f.message}" if f.certainty == "possible" else f.message
        failure = ET.SubElement(case, "failure", message=shown, type=f.symbol)
        failure.text = f"{f.path}:{f.line}:{f.column}: {f.msgid} {f.symbol} {shown}\n{f.code}"
    for path in clean:
        ET.SubElement(suite, "testcase", name=path, classname=path, file=path)
    root = ET.Element("testsuites", name="asynclint", tests=suite.get("tests"), failures=suite.get("failures"))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
