"""How messages show source code: short, recognisable, arguments elided (``Book.objects.filter(...)``)."""

from __future__ import annotations

from astroid import nodes

_LIMIT = 60


def describe(node: nodes.NodeNG) -> str:
    """Source of an expression with call arguments elided: ``Book.objects.filter(...).count()``."""
    text = _describe(node)
    if len(text) > _LIMIT:
        text = "…" + text[-(_LIMIT - 1):]
    return text


def arguments(call: nodes.Call) -> str:
    """``...`` when the call has arguments, else nothing: for ``aget(...)`` vs ``acount()``."""
    return "..." if call.args or call.keywords else ""


def _describe(node: nodes.NodeNG) -> str:
    if isinstance(node, nodes.Call):
        return f"{_describe(node.func)}({arguments(node)})"
    if isinstance(node, nodes.Attribute):
        receiver = _describe(node.expr)
        if isinstance(node.expr, (nodes.BinOp, nodes.BoolOp, nodes.UnaryOp, nodes.Compare, nodes.IfExp)):
            receiver = f"({receiver})"  # ``(HERE / "x").read_text``, as written
        return f"{receiver}.{node.attrname}"
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Await):
        return f"await {_describe(node.value)}"
    if isinstance(node, nodes.Subscript):
        return f"{_describe(node.value)}[{node.slice.as_string()}]"
    text = node.as_string()
    return text if len(text) <= 30 else text[:29] + "…"
