#!/usr/bin/env python3
"""Checks the folders of src/ against the module graph written in docs/architecture.md.

The graph is the table between the `module-graph` markers of docs/architecture.md: each folder
and the folders it may include. This script fails (exit 1, one line per problem) when
  - an `#include "folder/..."` in src/<folder> names a folder the table does not allow,
  - the table has a cycle or misses a folder of src/ (or names one that does not exist),
  - the CMake link graph (module_links.txt, written by the top-level CMakeLists.txt at configure
    time: "folder: dependency ...") differs from the table.
Third-party headers (<...>, or a quoted path that starts with no folder of src/) are not ours to
check. A "generated/<file>" include belongs to the folder whose CMakeLists.txt generates the file.

usage: check_module_graph.py ROOT [MODULE_LINKS]
"""
import pathlib
import re
import sys

BEGIN = "<!-- module-graph:begin -->"
END = "<!-- module-graph:end -->"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
DOC = "docs/architecture.md"


def read_graph(doc_path):
    """{folder: set of folders it may include}, from the table between the markers."""
    text = doc_path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{DOC}: no module graph table (between {BEGIN} and {END})")
    graph = {}
    table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue  # header, separator or prose
        folder = cells[0].strip("`")
        graph[folder] = set(re.findall(r"`([a-z_]+)`", cells[1]))
    return graph


def find_cycle(graph):
    """A list of folders forming a cycle, or None."""
    state = {}  # 1: on the current path, 2: done

    def visit(folder, path):
        state[folder] = 1
        for dep in sorted(graph.get(folder, ())):
            if state.get(dep) == 1:
                return path[path.index(dep):] + [dep] if dep in path else [folder, dep]
            if dep not in state:
                cycle = visit(dep, path + [dep])
                if cycle:
                    return cycle
        state[folder] = 2
        return None

    for folder in sorted(graph):
        if folder not in state:
            cycle = visit(folder, [folder])
            if cycle:
                return cycle
    return None


def generated_owners(src):
    """{"generated/<file>": folder} for every generated file a src/<folder>/CMakeLists.txt names; a
    name ending in '/' ("generated/ids/") owns every file below it."""
    owners = {}
    for cmake in sorted(src.glob("*/CMakeLists.txt")):
        for name in re.findall(r"generated/([A-Za-z0-9_./-]+)", cmake.read_text(encoding="utf-8")):
            owners.setdefault("generated/" + name, cmake.parent.name)
    return owners


def owner_of(owners, include):
    """The folder that generates `include`, directly or as a file of a generated folder."""
    if include in owners:
        return owners[include]
    for name, folder in owners.items():
        if name.endswith("/") and include.startswith(name):
            return folder
    return None


def allowed_text(graph, folder):
    deps = sorted(graph.get(folder, ()))
    return f"{folder} may include: {', '.join(deps) if deps else 'no other folder'}"


def check_includes(root, graph, problems):
    src = root / "src"
    owners = generated_owners(src)
    checked = 0
    for path in sorted(p for p in src.rglob("*") if p.suffix in (".h", ".cc", ".hpp", ".cpp")):
        folder = path.relative_to(src).parts[0]
        if folder not in graph:
            continue  # reported once as a folder missing from the table
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            include = match.group(1)
            first = include.split("/", 1)[0]
            if first == "generated":
                target = owner_of(owners, include)
                if target is None:
                    problems.append(f"{path.relative_to(root)}:{number}: #include \"{include}\": no "
                                    f"src/*/CMakeLists.txt generates this file, so no folder owns it")
                    continue
            elif first in graph:
                target = first
            else:
                continue  # third party, or a file beside this one
            checked += 1
            if target != folder and target not in graph[folder]:
                problems.append(f"{path.relative_to(root)}:{number}: #include \"{include}\": {folder} may not "
                                f"include {target} ({allowed_text(graph, folder)}; see {DOC})")
    return checked


def check_links(links_path, graph, problems):
    links = {}
    for line in links_path.read_text(encoding="utf-8").splitlines():
        if ":" in line:
            folder, deps = line.split(":", 1)
            links[folder.strip()] = set(deps.split())
    for folder in sorted(set(links) | set(graph)):
        if folder not in links:
            problems.append(f"{links_path.name}: CMake declares no library for {folder} (src/{folder}/CMakeLists.txt)")
            continue
        for dep in sorted(links[folder] - graph.get(folder, set())):
            problems.append(f"src/{folder}/CMakeLists.txt: pcl_{folder} links pcl_{dep}, which {DOC} does not "
                            f"allow ({allowed_text(graph, folder)})")
        for dep in sorted(graph.get(folder, set()) - links[folder]):
            problems.append(f"src/{folder}/CMakeLists.txt: {DOC} lets {folder} include {dep}, but pcl_{folder} "
                            f"does not link pcl_{dep}: link it, or drop the arrow from the table")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    graph = read_graph(root / DOC)
    problems = []
    folders = {p.name for p in (root / "src").iterdir() if p.is_dir()}
    for folder in sorted(folders - set(graph)):
        problems.append(f"{DOC}: src/{folder} is not in the module graph table")
    for folder in sorted(set(graph) - folders):
        problems.append(f"{DOC}: the module graph names {folder}, which is not a folder of src/")
    for folder, deps in sorted(graph.items()):
        for dep in sorted(deps - set(graph)):
            problems.append(f"{DOC}: {folder} may include {dep}, which is not in the table")
    cycle = find_cycle(graph)
    if cycle:
        problems.append(f"{DOC}: the module graph has a cycle: {' -> '.join(cycle)}")
    checked = check_includes(root, graph, problems)
    if len(argv) == 3:
        check_links(pathlib.Path(argv[2]), graph, problems)
    for problem in problems:
        print(problem)
    if problems:
        print(f"module graph: {len(problems)} problem(s)")
        return 1
    print(f"module graph: {len(graph)} folders, {checked} includes checked, none against the graph")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
