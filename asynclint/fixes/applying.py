"""The libcst side of ``asynclint.fixes.edits``: applying a batch of edits to a module's source in
one pass, every byte not edited kept as it was (the verbs are described there). A module of its own
so that reading findings (their ``Edit``s and ``Span``s) does not import libcst."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, ScopeProvider

from asynclint.fixes.edits import _EXPRESSION_VERBS, _MODULE_VERBS, _ORDER, VERBS, Edit, EditError, Span


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """``edits.apply_edits``: the source with every edit applied (in one pass); raises EditError if
    one cannot be."""
    edits = list(dict.fromkeys(edits))
    for edit in edits:
        if edit.verb not in VERBS:
            raise EditError(f"unknown edit {edit.verb!r}")
    node_edits = [e for e in edits if e.verb not in _MODULE_VERBS]
    module = cst.parse_module(source)
    if node_edits:
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)  # parsed here, used nowhere else
        applier = _Applier(node_edits)
        module = wrapper.visit(applier)
        missing = [e for e in node_edits if e not in applier.applied]
        if missing:
            raise EditError("no node for " + ", ".join(map(str, missing)))
        module = module.visit(_ParenthesizeAwaits())
    for edit in edits:
        if edit.verb == "ensure_import":
            module = _ensure_import(module, *edit.args)
    code = module.code
    removals = [e for e in edits if e.verb == "remove_unused_import"]
    if removals:
        code = _remove_unused_imports(code, [e.args for e in removals])
    return code


def _key(position) -> Span:
    return Span(position.start.line, position.start.column, position.end.line, position.end.column)


class _Applier(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, edits: list[Edit]) -> None:
        super().__init__()
        self.applied: set[Edit] = set()
        self.at_expression: dict[Span, list[Edit]] = defaultdict(list)
        self.at_iter: dict[Span, list[Edit]] = defaultdict(list)
        self.before_statement: dict[tuple[int, int], list[Edit]] = defaultdict(list)
        for edit in sorted(edits, key=lambda e: _ORDER.get(e.verb, 0)):
            if edit.verb in _EXPRESSION_VERBS:
                self.at_expression[edit.span].append(edit)
            elif edit.verb in ("for_to_async_for", "comprehension_to_async"):
                self.at_iter[edit.span].append(edit)
            else:
                self.before_statement[(edit.span.line, edit.span.column)].append(edit)

    def _span(self, node: cst.CSTNode) -> Span | None:
        try:
            return _key(self.get_metadata(PositionProvider, node))
        except KeyError:
            return None

    def on_leave(self, original_node, updated_node):
        result = updated_node
        if isinstance(original_node, cst.For) and self.at_iter:
            for edit in self.at_iter.get(self._span(original_node.iter), ()):
                if edit.verb == "for_to_async_for":
                    result = result.with_changes(asynchronous=cst.Asynchronous())
                    self.applied.add(edit)
        if isinstance(original_node, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)) and self.at_iter:
            result = self._comprehension(original_node, result)
        if isinstance(original_node, (cst.Module, cst.IndentedBlock)) and self.before_statement:
            result = self._insert_statements(original_node, result)
        if isinstance(original_node, cst.BaseExpression) and self.at_expression:
            for edit in self.at_expression.get(self._span(original_node), ()):
                result = _EXPRESSION_FUNCTIONS[edit.verb](self, original_node, result, *edit.args)
                self.applied.add(edit)
        return result

    # comprehensions
    def _async_generators(self, original: cst.CompFor, updated: cst.CompFor, wanted: set[Span]) -> cst.CompFor:
        changes = {}
        if original.inner_for_in is not None:
            changes["inner_for_in"] = self._async_generators(original.inner_for_in, updated.inner_for_in, wanted)
        if self._span(original.iter) in wanted:
            changes["asynchronous"] = cst.Asynchronous()
        return updated.with_changes(**changes)

    def _comprehension(self, original, updated):
        spans, as_list, found = set(), False, []
        generator = original.for_in
        while generator is not None:
            span = self._span(generator.iter)
            for edit in self.at_iter.get(span, ()):
                if edit.verb == "comprehension_to_async":
                    spans.add(span)
                    as_list = as_list or edit.args[0]
                    found.append(edit)
            generator = generator.inner_for_in
        if not found:
            return updated
        updated = updated.with_changes(for_in=self._async_generators(original.for_in, updated.for_in, spans))
        if as_list:
            if not isinstance(updated, cst.GeneratorExp):
                raise EditError("only a generator expression becomes a list comprehension")
            updated = cst.ListComp(elt=updated.elt, for_in=updated.for_in)
        self.applied.update(found)
        return updated

    # statements
    def _insert_statements(self, original, updated):
        body = list(updated.body)
        inserted = 0
        config = self.module_config
        for index, statement in enumerate(original.body):
            span = self._span(statement)
            if span is None:
                continue
            for edit in self.before_statement.get((span.line, span.column), ()):
                new = cst.parse_statement(edit.args[0] + config.default_newline, config=config)
                body.insert(index + inserted, new)
                inserted += 1
                self.applied.add(edit)
        return updated.with_changes(body=body) if inserted else updated

    def visit_Module(self, node: cst.Module) -> bool:
        self.module_config = cst.PartialParserConfig(default_indent=node.default_indent,
                                                     default_newline=node.default_newline)
        return True


# --- expression verbs (applier, original node, updated node, *args) -----------------------------------
def _is_primary(node: cst.BaseExpression) -> bool:
    return bool(node.lpar) or isinstance(node, (
        cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.SimpleString, cst.ConcatenatedString,
        cst.FormattedString, cst.Integer, cst.Float, cst.List, cst.Dict, cst.Set, cst.Tuple, cst.ListComp,
        cst.SetComp, cst.DictComp, cst.GeneratorExp,
    ))


def _parenthesized(node: cst.BaseExpression) -> cst.BaseExpression:
    if _is_primary(node):
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _expect(node, kind, verb):
    if not isinstance(node, kind):
        raise EditError(f"{verb}: expected a {kind.__name__}, found {type(node).__name__}")
    return node


def _add_await(_applier, _original, node):
    if isinstance(node, cst.Await):
        return node
    return cst.Await(expression=node.with_changes(lpar=(), rpar=()), lpar=node.lpar, rpar=node.rpar)


def _rename_call(_applier, _original, node, name):
    call = _expect(node, cst.Call, "rename_call")
    func = call.func
    if isinstance(func, cst.Attribute):
        return call.with_changes(func=func.with_changes(attr=func.attr.with_changes(value=name)))
    if isinstance(func, cst.Name):
        return call.with_changes(func=func.with_changes(value=name))
    raise EditError("rename_call: the callee is neither a name nor an attribute")


def _replace_callee(_applier, _original, node, code):
    call = _expect(node, cst.Call, "replace_callee")
    return call.with_changes(func=cst.parse_expression(code))


def _rename_attribute(_applier, _original, node, name):
    attribute = _expect(node, cst.Attribute, "rename_attribute")
    return attribute.with_changes(attr=attribute.attr.with_changes(value=name))


def _call_method(_applier, _original, node, name, receiver):
    if receiver == "argument":
        call = _expect(node, cst.Call, "call_method")
        if len(call.args) != 1 or call.args[0].star or call.args[0].keyword:
            raise EditError("call_method: the call must have exactly one positional argument")
        target, outer = call.args[0].value, call
    elif receiver == "subscripted":
        target, outer = _expect(node, cst.Subscript, "call_method").value, node
    else:
        return cst.Call(func=cst.Attribute(value=_parenthesized(node), attr=cst.Name(name)))
    method = cst.Call(func=cst.Attribute(value=_parenthesized(target), attr=cst.Name(name)))
    return method.with_changes(lpar=outer.lpar, rpar=outer.rpar)


def _async_listcomp(iterable: cst.BaseExpression, bracket: str = "list") -> cst.BaseExpression:
    element = cst.Name("x")
    generator = cst.CompFor(target=cst.Name("x"), iter=iterable, asynchronous=cst.Asynchronous())
    if bracket == "set":
        return cst.SetComp(elt=element, for_in=generator)
    return cst.ListComp(elt=element, for_in=generator)


def _list_to_async_comprehension(applier, original, node, *iter_spans):
    call = _expect(node, cst.Call, "list_to_async_comprehension")
    func = call.func
    if not isinstance(func, cst.Name) or func.value not in ("list", "set") or len(call.args) != 1 or \
            call.args[0].star or call.args[0].keyword:
        raise EditError("list_to_async_comprehension: expected list(x) or set(x)")
    argument = call.args[0].value
    if isinstance(argument, cst.GeneratorExp):
        wanted = set(iter_spans)
        generators = applier._async_generators(original.args[0].value.for_in, argument.for_in, wanted)
        kind = cst.SetComp if func.value == "set" else cst.ListComp
        return kind(elt=argument.elt, for_in=generators, lpar=call.lpar, rpar=call.rpar)
    result = _async_listcomp(argument, func.value)
    return result.with_changes(lpar=call.lpar, rpar=call.rpar)


def _to_async_list(_applier, _original, node):
    return _async_listcomp(node)


def _wrap_in_sync_to_async(_applier, _original, node, adapter):
    call = _expect(node, cst.Call, "wrap_in_sync_to_async")
    wrapped = cst.Call(func=cst.parse_expression(adapter), args=[cst.Arg(value=call.func)])
    return call.with_changes(func=wrapped)


def _remove_adapter(_applier, _original, node):
    call = _expect(node, cst.Call, "remove_adapter")
    adapter = call.func
    if not isinstance(adapter, cst.Call) or len(adapter.args) != 1 or adapter.args[0].keyword or adapter.args[0].star:
        raise EditError("remove_adapter: expected adapter(f)(...)")
    return call.with_changes(func=_parenthesized(adapter.args[0].value))


def _inner_call(adapter: cst.Call, index: int) -> cst.Call:
    if len(adapter.args) <= index or not isinstance(adapter.args[index].value, cst.Call):
        raise EditError("pass_callable: the argument is not a call")
    return adapter.args[index].value


def _pass_callable(_applier, _original, node, style, index):
    call = _expect(node, cst.Call, "pass_callable")
    if style == "called":
        adapter = _expect(call.func, cst.Call, "pass_callable")
        if call.args:
            raise EditError("pass_callable: the adapter's result is already called with arguments")
        inner = _inner_call(adapter, index)
        args = list(adapter.args)
        args[index] = args[index].with_changes(value=inner.func)
        return call.with_changes(func=adapter.with_changes(args=args), args=inner.args,
                                 whitespace_before_args=inner.whitespace_before_args)
    inner = _inner_call(call, index)
    args = list(call.args)
    if style == "call":
        args[index] = args[index].with_changes(value=inner.func)
        return cst.Call(func=call.with_changes(args=args, lpar=(), rpar=()), args=inner.args,
                        whitespace_before_args=inner.whitespace_before_args, lpar=call.lpar, rpar=call.rpar)
    # "arguments": adapter(f(a, b)) -> adapter(f, a, b)
    passed = list(inner.args)
    slot = args[index]
    if passed:
        separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        passed[-1] = passed[-1].with_changes(comma=slot.comma)
        args[index:index + 1] = [slot.with_changes(value=inner.func, comma=separator), *passed]
    else:
        args[index] = slot.with_changes(value=inner.func)
    return call.with_changes(args=args)


def _remove_keyword(_applier, _original, node, keyword, unwrap_if_empty):
    call = _expect(node, cst.Call, "remove_keyword")
    args = list(call.args)
    index = next((i for i, arg in enumerate(args) if arg.keyword is not None and arg.keyword.value == keyword), None)
    if index is None:
        raise EditError(f"remove_keyword: no {keyword}= argument")
    removed = args.pop(index)
    if not args and unwrap_if_empty:
        return call.func.with_changes(lpar=call.lpar, rpar=call.rpar) if not call.func.lpar else call.func
    if args and index == len(args):  # it was the last: the one before takes its (trailing) comma
        args[-1] = args[-1].with_changes(comma=removed.comma)
    return call.with_changes(args=args)


def _replace_with_name(_applier, _original, node, name):
    return cst.Name(name, lpar=node.lpar, rpar=node.rpar)


_EXPRESSION_FUNCTIONS = {
    "add_await": _add_await,
    "rename_call": _rename_call,
    "replace_callee": _replace_callee,
    "rename_attribute": _rename_attribute,
    "call_method": _call_method,
    "list_to_async_comprehension": _list_to_async_comprehension,
    "to_async_list": _to_async_list,
    "wrap_in_sync_to_async": _wrap_in_sync_to_async,
    "remove_adapter": _remove_adapter,
    "pass_callable": _pass_callable,
    "replace_with_name": _replace_with_name,
    "remove_keyword": _remove_keyword,
}


class _ParenthesizeAwaits(cst.CSTTransformer):
    """``await x`` where a primary is needed (``.attr``, ``[i]``, ``(...)``) gets parentheses."""

    @staticmethod
    def _wrap(value):
        if isinstance(value, cst.Await) and not value.lpar:
            return value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return value

    def leave_Attribute(self, original_node, updated_node):
        return updated_node.with_changes(value=self._wrap(updated_node.value))

    def leave_Subscript(self, original_node, updated_node):
        return updated_node.with_changes(value=self._wrap(updated_node.value))

    def leave_Call(self, original_node, updated_node):
        return updated_node.with_changes(func=self._wrap(updated_node.func))


# --- imports -------------------------------------------------------------------------------------
def _dotted(node: cst.BaseExpression | None) -> str:
    if node is None:
        return ""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _import_small(statement: cst.CSTNode) -> cst.Import | cst.ImportFrom | None:
    """The import of a top-level statement line that holds exactly one import."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 and isinstance(
            statement.body[0], (cst.Import, cst.ImportFrom)):
        return statement.body[0]
    return None


def _is_docstring(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 and isinstance(
        statement.body[0], cst.Expr) and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))


def _has_blank_line(lines: Sequence[cst.EmptyLine]) -> bool:
    return any(line.comment is None for line in lines)


def _import_key(small: cst.Import | cst.ImportFrom) -> tuple[bool, str]:
    if isinstance(small, cst.Import):
        return (False, _dotted(small.names[0].name).lower())
    return (True, ("." * len(small.relative)) + _dotted(small.module).lower())


def _module_kind(module: str) -> str:
    """"future", "stdlib", "first" (the project's: relative, or found outside site-packages) or "third"."""
    if module == "__future__":
        return "future"
    if module.startswith("."):
        return "first"
    top = module.split(".", 1)[0]
    if top in getattr(sys, "stdlib_module_names", ()):
        return "stdlib"
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "third"
    if spec.origin in ("built-in", "frozen"):
        return "stdlib"
    locations = [spec.origin] if spec.origin else list(spec.submodule_search_locations or ())
    if any(place and ("site-packages" in place or "dist-packages" in place) for place in locations):
        return "third"
    return "first"


def _module_of(small: cst.Import | cst.ImportFrom) -> str:
    if isinstance(small, cst.Import):
        return _dotted(small.names[0].name)
    return "." * len(small.relative) + _dotted(small.module)


def _group_kind(smalls: list) -> str:
    kinds = {_module_kind(_module_of(small)) for small in smalls}
    return kinds.pop() if len(kinds) == 1 else "third"


def _ensure_import(module: cst.Module, modname: str, name: str | None, replaces: str | None) -> cst.Module:
    body = list(module.body)
    for statement in body:
        small = _import_small(statement)
        if name is None and isinstance(small, cst.Import):
            if any(_dotted(a.name) == modname and a.asname is None for a in small.names):
                return module
        if name is not None and isinstance(small, cst.ImportFrom) and not small.relative and \
                _dotted(small.module) == modname and not isinstance(small.names, cst.ImportStar):
            if any(a.name.value == name and a.asname is None for a in small.names):
                return module
    if name is not None:
        for index, statement in enumerate(body):
            small = _import_small(statement)
            if isinstance(small, cst.ImportFrom) and not small.relative and _dotted(small.module) == modname \
                    and not isinstance(small.names, cst.ImportStar):
                body[index] = statement.with_changes(body=[_add_alias(small, name, replaces)])
                return module.with_changes(body=body)
    code = f"import {modname}" if name is None else f"from {modname} import {name}"
    new = cst.parse_statement(code + module.default_newline,
                              config=cst.PartialParserConfig(default_newline=module.default_newline))
    return module.with_changes(body=_place_import(body, new, modname, name is not None))


def _add_alias(imported: cst.ImportFrom, name: str, replaces: str | None) -> cst.ImportFrom:
    names = list(imported.names)
    new = cst.ImportAlias(name=cst.Name(name))
    current = [a.evaluated_name for a in names]
    if current == sorted(current):  # keep a sorted list sorted
        position = next((i for i, existing in enumerate(current) if existing > name), len(names))
    else:  # else right after the name it takes over from, or last
        position = next((i + 1 for i, a in enumerate(names) if (a.evaluated_alias or a.evaluated_name) == replaces),
                        len(names))
    separators = [_without_comment(a.comma) for a in names[:-1]]
    separator = separators[0] if separators else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    if position == len(names):
        last = names[-1]
        names[-1] = last.with_changes(comma=separator)
        names.append(new.with_changes(comma=last.comma))
    else:
        names.insert(position, new.with_changes(comma=separator))
    return imported.with_changes(names=names)


def _without_comment(comma):
    """A separator like ``comma`` without the comment that may follow it (it belongs to its name)."""
    after = getattr(comma, "whitespace_after", None)
    if isinstance(after, cst.ParenthesizedWhitespace) and after.first_line.comment is not None:
        return comma.with_changes(whitespace_after=after.with_changes(
            first_line=after.first_line.with_changes(comment=None, whitespace=cst.SimpleWhitespace(""))))
    return comma


def _place_import(body: list, new: cst.SimpleStatementLine, modname: str, is_from: bool) -> list:
    """Insert a new import statement where isort would: in its section (standard library, third
    party, the project's), sorted, or as a new section in the right place."""
    start = 1 if body and _is_docstring(body[0]) else 0
    end = start
    while end < len(body) and _import_small(body[end]) is not None:
        end += 1
    if end == start:  # no import block: after the docstring
        if start:
            new = new.with_changes(leading_lines=[cst.EmptyLine()])
        if start < len(body) and not _has_blank_line(body[start].leading_lines):
            blank = 2 if isinstance(body[start], (cst.FunctionDef, cst.ClassDef)) else 1
            body[start] = body[start].with_changes(
                leading_lines=[*(cst.EmptyLine() for _ in range(blank)), *body[start].leading_lines])
        body.insert(start, new)
        return body
    groups: list[list[int]] = []
    for index in range(start, end):
        if not groups or _has_blank_line(body[index].leading_lines):
            groups.append([index])
        else:
            groups[-1].append(index)
    kinds = [_group_kind([_import_small(body[i]) for i in group]) for group in groups]
    kind = _module_kind(modname)
    top = modname.split(".", 1)[0]

    def same_package(group):
        return any(_module_of(_import_small(body[i])).split(".", 1)[0] == top for i in group)

    chosen = next((g for g in groups if same_package(g)), None) or next(
        (g for g, k in zip(groups, kinds) if k == kind), None)
    if chosen is None:
        order = ("future", "stdlib", "third", "first")
        before = next((g for g, k in zip(groups, kinds) if order.index(k) > order.index(kind)), None)
        if before is None:
            body.insert(groups[-1][-1] + 1, new.with_changes(leading_lines=[cst.EmptyLine()]))
            return body
        head = body[before[0]]
        body[before[0]] = head.with_changes(leading_lines=[cst.EmptyLine()])
        body.insert(before[0], new.with_changes(leading_lines=head.leading_lines))
        return body
    key = (is_from, modname.lower())
    for index in chosen:
        if _import_key(_import_small(body[index])) > key:
            if index == chosen[0]:
                head = body[index]
                body[index] = head.with_changes(leading_lines=[])
                new = new.with_changes(leading_lines=head.leading_lines)
            body.insert(index, new)
            return body
    body.insert(chosen[-1] + 1, new)
    return body


def _exported(module: cst.Module) -> set[str]:
    """Names listed in a top-level ``__all__``."""
    names: set[str] = set()
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Assign, cst.AugAssign)):
                    targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
                    if any(isinstance(t, cst.Name) and t.value == "__all__" for t in targets):
                        for element in getattr(small.value, "elements", ()):
                            if isinstance(element.value, cst.SimpleString):
                                names.add(element.value.evaluated_value)
    return names


def _remove_unused_imports(code: str, removals: list[tuple[str, str | None, str]]) -> str:
    wrapper = MetadataWrapper(cst.parse_module(code))
    module = wrapper.module
    scopes = wrapper.resolve(ScopeProvider)
    exported = _exported(module)
    body = list(module.body)
    changed = False
    for modname, name, local in removals:
        if local in exported:
            continue
        for index, statement in enumerate(body):
            small = _import_small(statement)
            if small is None or isinstance(small.names, cst.ImportStar):
                continue
            for position, alias in enumerate(small.names):
                if isinstance(small, cst.Import):
                    matches = name is None and _dotted(alias.name) == modname and (alias.evaluated_alias or modname) == local
                else:
                    matches = (not small.relative and _dotted(small.module) == modname and alias.evaluated_name == name
                               and (alias.evaluated_alias or alias.evaluated_name) == local)
                if not matches:
                    continue
                original = module.body[index]
                scope = scopes.get(_import_small(original))
                if scope is None or any(a.references for a in scope.assignments[local]):
                    break
                replacement = _without_alias(small, position)
                if replacement is None:
                    body[index] = None
                else:
                    body[index] = statement.with_changes(body=[replacement])
                changed = True
                break
    if not changed:
        return code
    result = []
    carried: list = []
    for index, statement in enumerate(body):
        if statement is None:
            carried = carried + list(module.body[index].leading_lines)
            continue
        if carried and not _has_blank_line(statement.leading_lines):
            statement = statement.with_changes(leading_lines=[*carried, *statement.leading_lines])
        carried = []
        result.append(statement)
    return module.with_changes(body=result).code


def _without_alias(small: cst.Import | cst.ImportFrom, position: int):
    names = list(small.names)
    if len(names) == 1:
        return None
    removed = names.pop(position)
    if position == len(names):
        names[-1] = names[-1].with_changes(comma=removed.comma)
    return small.with_changes(names=names)
