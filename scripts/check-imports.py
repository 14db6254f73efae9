#!/usr/bin/env python3
"""Fails when the top-level modules of a crate import each other in a circle.

A crate's architecture is readable from its folders only if its rooms stand in layers: a
lower room (storage, counting) never reaches up into a higher one (HTTP handlers, the serve
loop). This script reads every source file of the crates named, finds which top-level module
each `crate::…` path (and each `super::…` path of a top-level file) points into, and reports
every group of top-level modules that reach each other in a circle (strongly connected
components of that graph), with one import per edge as evidence.

Comments, string literals and `#[cfg(test)]` items do not count: only what the built crate
depends on. For the server, the rooms also stand in a fixed order (LAYERS, as README "Layout"
lists them): an import from a lower room into a higher one fails too.

    scripts/check-imports.py server core views     (what the test command runs)
    scripts/check-imports.py --graph server        the edges, for a look at the layers
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def strip(source: str) -> str:
    """The code without comments, string and char literals, and trailing test modules."""
    out = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if source.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif source.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', source[i:i + 10]) and not source[i - 1:i].isalnum():
            hashes = re.match(r'r(#*)"', source[i:]).group(1)
            end = source.find('"' + hashes, i + len(hashes) + 2)
            i = n if end < 0 else end + 1 + len(hashes)
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and source[i] != '"':
                i += 2 if source[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", source[i:i + 12]):
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", source[i:])
            i += len(m.group(0)) if m else 1
        else:
            out.append(c)
            i += 1
    return without_test_items("".join(out))


def without_test_items(code: str) -> str:
    """The code without each `#[cfg(test)]` item: a `mod x { … }` (braces matched), or an item
    up to its `;` or its block."""
    while (start := code.find("#[cfg(test)]")) >= 0:
        i = start + len("#[cfg(test)]")
        brace, semi = code.find("{", i), code.find(";", i)
        if brace < 0 or (0 <= semi < brace):
            end = len(code) if semi < 0 else semi + 1
        else:
            depth, end = 0, brace
            while end < len(code):
                depth += {"{": 1, "}": -1}.get(code[end], 0)
                end += 1
                if depth == 0:
                    break
        code = code[:start] + code[end:]
    return code


def module_path(src: Path, file: Path) -> list[str]:
    """`["http", "pages", "widget"]` for src/http/pages/widget.rs, `["http", "pages"]` for its
    mod.rs, `[]` for lib.rs and main.rs."""
    parts = list(file.relative_to(src).parts)
    last = parts.pop().removesuffix(".rs")
    return parts if last in ("mod", "lib", "main") else parts + [last]


def top_module(src: Path, file: Path) -> str | None:
    """`storage` for src/storage.rs and src/storage/…; None for lib.rs and main.rs."""
    parts = file.relative_to(src).parts
    if len(parts) == 1:
        name = parts[0].removesuffix(".rs")
        return None if name in ("lib", "main") else name
    return parts[0]


def reexports(src: Path) -> dict[str, str]:
    """Names the crate root re-exports (`pub use crate::state::AppState;`): name → module."""
    names = {}
    for root in ("lib.rs", "main.rs"):
        path = src / root
        if path.exists():
            for module, name in re.findall(r"pub use (?:crate::)?(\w+)::(?:\w+::)*(\w+);", strip(path.read_text())):
                names[name] = module
    return names


def use_paths(code: str) -> list[str]:
    """Every path of a `use` item, groups expanded: `use crate::{a::b, c};` → crate::a::b, crate::c."""
    paths = []

    def expand(prefix: str, tree: str):
        tree = tree.strip()
        if not tree:
            return
        if tree.endswith("}") and "{" in tree:
            head = tree[: tree.index("{")]
            inner = tree[tree.index("{") + 1: -1]
            depth, start = 0, 0
            for k, ch in enumerate(inner + ","):
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                elif ch == "," and depth == 0:
                    expand(prefix + head, inner[start:k])
                    start = k + 1
        else:
            paths.append(prefix + tree.split(" as ")[0].strip())

    for m in re.finditer(r"\buse\s+([^;]+);", code):
        expand("", re.sub(r"\s+", "", m.group(1)).replace("as", " as "))
    return paths


def edges(crate: str) -> dict[tuple[str, str], str]:
    src = ROOT / crate / "src"
    modules = {top_module(src, f) for f in src.rglob("*.rs")} - {None}
    exported = reexports(src)
    found = {}
    for file in sorted(src.rglob("*.rs")):
        here = top_module(src, file)
        if here is None:
            continue
        code = strip(file.read_text())
        depth = len(module_path(src, file))
        paths = re.findall(r"\bcrate::(\w+)", code)
        paths += [p.split("::")[1] for p in use_paths(code) if p.startswith("crate::") and "::" in p]
        # `super::` as many times as the file is deep reaches the crate's root: what follows
        # is a top-level module (`super::super::http` in src/ops/health/check.rs).
        for supers, name in re.findall(r"\b((?:super::)+)(\w+)", code):
            if supers.count("super::") == depth:
                paths.append(name)
        for p in use_paths(code):
            parts = p.split("::")
            if parts[:depth] == ["super"] * depth and len(parts) > depth:
                paths.append(parts[depth])
        for name in paths:
            target = name if name in modules else exported.get(name)
            if target and target != here and target in modules:
                found.setdefault((here, target), f"{file.relative_to(ROOT)}: crate::{name}")
    return found


def circles(graph: dict[tuple[str, str], str]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    nodes = sorted({a for a, _ in graph} | {b for _, b in graph})
    succ = {n: sorted(b for a, b in graph if a == n) for n in nodes}
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in succ[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return out


# The server's rooms from the bottom up (README, "Layout"): a room may import only rooms
# before it. A new room must be placed here.
LAYERS = {
    "server": ["staff", "telemetry", "storage", "counting", "error", "guard", "state", "ops",
               "http", "cli", "seed", "startup"],
}


def upward(crate: str, graph: dict[tuple[str, str], str]) -> list[str]:
    """Imports that reach up (or into a room not placed in the layers)."""
    layers = LAYERS.get(crate)
    if layers is None:
        return []
    problems = []
    for (a, b), why in sorted(graph.items()):
        if a not in layers or b not in layers:
            unplaced = a if a not in layers else b
            problems.append(f"{crate}: {unplaced} is not placed in the layers of "
                            f"scripts/check-imports.py    ({why})")
        elif layers.index(b) > layers.index(a):
            problems.append(f"{crate}: {a} imports {b}, a room above it    {why}")
    return problems


def main(args: list[str]) -> int:
    show = "--graph" in args
    crates = [a for a in args if not a.startswith("--")] or ["server", "core", "views"]
    failed = False
    for crate in crates:
        graph = edges(crate)
        if show:
            for (a, b), why in sorted(graph.items()):
                print(f"{crate}: {a} -> {b}    ({why})")
        for component in circles(graph):
            failed = True
            print(f"{crate}: import circle between {', '.join(component)}:")
            inside = set(component)
            for (a, b), why in sorted(graph.items()):
                if a in inside and b in inside:
                    print(f"    {a} -> {b}    {why}")
        for problem in upward(crate, graph):
            failed = True
            print(problem)
    if not failed:
        layered = [c for c in crates if c in LAYERS]
        print(f"no import circles between the top-level modules of {', '.join(crates)}"
              + (f"; {', '.join(layered)} in its layers" if layered else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
