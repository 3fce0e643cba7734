# Reads one v3-schema-keys TSV into a key tree and turns its constraint strings into JSON Schema keywords.
"""TSV -> key tree, plus the Python-regex -> ECMA-262 pattern translation.

The TSVs (../shared/spec/v3-schema-keys/<ref>.tsv) were produced by walking the official marshmallow schema
of each release. Columns: path, type, required, constraints, update_policy, notes. The first line names the
root-level schema checks. Paths use `.` between keys and `[]` for list items (`A.B[].C`).
"""
import re

# TSV type -> JSON Schema type of the value (as after the C++ coercion pass; see schemas/README.md).
SCALAR_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}


class Node:
    """One key of the config (or the root). `children` are the keys of the mapping (for lists of mappings: of
    each item)."""

    def __init__(self, path, name, type_, required, constraints, policy, checks):
        self.path = path  # TSV path, e.g. "Scheduling.SlurmQueues[].Name"; "" for the root
        self.name = name
        self.type = type_  # str/int/float/bool/object/list[object]/list[str]/list[dict]/dict/raw/custom-action
        self.required = required
        self.constraints = constraints  # raw constraint string from the TSV
        self.policy = policy  # raw update_policy string from the TSV
        self.checks = checks  # schema-level checks named in the notes column (object-level rules)
        self.children = {}  # name -> Node, in TSV order

    def pointer(self):
        """JSON-pointer-like path with `*` for list items: /Scheduling/SlurmQueues/*/Name."""
        return "/" + self.path.replace("[]", "/*").replace(".", "/") if self.path else ""


class Release:
    def __init__(self, name, ref, root_checks, root, deltas=()):
        self.name = name  # "3.0" ... "3.16"
        self.ref = ref  # "release-3.0" ... "develop": the key table this release starts from
        self.deltas = list(deltas)  # delta files applied on top of `ref`, oldest first (3.13 and later)
        # pointer -> the official message this release gives for a key its own delta removes (`remove` rows
        # with notes); only this release's removals, not inherited.
        self.removal_messages = {}
        self.root_checks = root_checks
        self.root = root
        self.by_path = {}
        self._index(root)

    def _index(self, node):
        self.by_path[node.path] = node
        for child in node.children.values():
            self._index(child)

    def source(self):
        """Where the key table comes from: a branch's table, plus the delta files applied to it."""
        if not self.deltas:
            return self.ref
        return f"{self.ref} + schemas/generator/deltas/{{{','.join(self.deltas)}}}"

    def nodes(self):
        """All key nodes except the root, parents before children."""
        return [n for p, n in self.by_path.items() if p]


def read_release(release_name, tsv_path):
    lines = open(tsv_path, encoding="utf-8").read().splitlines()
    if not lines[0].startswith("# root checks:"):
        raise ValueError(f"{tsv_path}: first line must list the root checks")
    root_checks = [c.strip() for c in lines[0].split(":", 1)[1].split(";") if c.strip()]
    if lines[1].split("\t")[:3] != ["path", "type", "required"]:
        raise ValueError(f"{tsv_path}: unexpected header {lines[1]!r}")
    root = Node("", "", "object", True, "", "", [])
    nodes = {"": root}
    for lineno, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        path, type_, required, constraints, policy, notes = (line.split("\t") + [""] * 6)[:6]
        parent_path, _, name = path.rpartition(".")
        # "A.B[]" is the item of list A.B: its keys hang under node A.B.
        parent = nodes.get(parent_path[:-2] if parent_path.endswith("[]") else parent_path)
        if parent is None:
            raise ValueError(f"{tsv_path}:{lineno}: parent of {path} not seen before it")
        checks = [c.strip() for c in notes.split(";") if c.strip()]
        node = Node(path, name, type_, required == "yes", constraints.strip(), policy.strip(), checks)
        if name.endswith("[]"):
            raise ValueError(f"{tsv_path}:{lineno}: unexpected list marker on leaf {path}")
        parent.children[name] = node
        nodes[path] = node
    return Release(release_name, tsv_path.rsplit("/", 1)[-1][:-4], root_checks, root)


# ----------------------------------------------------------------------------------------------------------
# Release deltas: releases after 3.12 have no key table of their own (no copy of their cluster_schema.py is
# reachable); each is the previous release plus a delta file, one row per change, citing its source.
# ----------------------------------------------------------------------------------------------------------

DELTA_COLUMNS = ["op", "path", "type", "required", "constraints", "update_policy", "notes", "source", "certainty"]
DELTA_OPS = ("add", "remove", "set", "enum-add", "enum-remove")
CERTAINTIES = ("read", "inferred", "unknown")


def _clone(node):
    copy = Node(node.path, node.name, node.type, node.required, node.constraints, node.policy, list(node.checks))
    copy.children = {name: _clone(child) for name, child in node.children.items()}
    return copy


def _set_enum(constraints, values):
    """Replaces the `one of {...}` part of a constraint string (the value's own, not `items: ...`)."""
    parts = split_constraints(constraints)
    text = "one of {" + ", ".join(values) + "}"
    for i, part in enumerate(parts):
        if part.startswith("one of {"):
            parts[i] = text
            break
    else:
        parts.append(text)
    return "; ".join(parts)


def read_delta(delta_path):
    """Rows of a delta TSV as dicts; every row must cite a source and say how certain it is."""
    lines = open(delta_path, encoding="utf-8").read().splitlines()
    rows, header = [], None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if cells != DELTA_COLUMNS:
                raise ValueError(f"{delta_path}:{lineno}: header must be {DELTA_COLUMNS}")
            header = cells
            continue
        row = dict(zip(header, (cells + [""] * len(header))[:len(header)]))
        row["where"] = f"{delta_path}:{lineno}"
        if row["op"] not in DELTA_OPS:
            raise ValueError(f"{row['where']}: unknown op {row['op']!r} (one of {DELTA_OPS})")
        if not row["source"].strip():
            raise ValueError(f"{row['where']}: every change cites its source")
        if row["certainty"] not in CERTAINTIES:
            raise ValueError(f"{row['where']}: certainty must be one of {CERTAINTIES}")
        rows.append(row)
    if header is None:
        raise ValueError(f"{delta_path}: no header line")
    return rows


def apply_delta(prev, name, delta_path):
    """A new Release: `prev` (left untouched) with the changes of one delta file."""
    root = _clone(prev.root)
    release = Release(name, prev.ref, list(prev.root_checks), root, prev.deltas + [delta_path.rsplit("/", 1)[-1]])
    for row in read_delta(delta_path):
        op, path, where = row["op"], row["path"], row["where"]
        node = release.by_path.get(path)
        if op == "add":
            if node is not None:
                raise ValueError(f"{where}: {path} exists already")
            parent_path, _, leaf = path.rpartition(".")
            parent = release.by_path.get(parent_path[:-2] if parent_path.endswith("[]") else parent_path)
            if parent is None:
                raise ValueError(f"{where}: parent of {path} not found")
            checks = [c.strip() for c in row["notes"].split(";") if c.strip()]
            parent.children[leaf] = Node(path, leaf, row["type"], row["required"] == "yes",
                                         row["constraints"].strip(), row["update_policy"].strip(), checks)
        elif node is None:
            raise ValueError(f"{where}: {path} not found in the release before {name}")
        elif op == "remove":
            parent_path = path.rpartition(".")[0]
            parent = release.by_path[parent_path[:-2] if parent_path.endswith("[]") else parent_path]
            del parent.children[node.name]
            if row["notes"].strip():
                release.removal_messages[node.pointer()] = row["notes"].strip()
        elif op == "set":
            for column, attr in (("type", "type"), ("constraints", "constraints"), ("update_policy", "policy")):
                if row[column].strip():
                    setattr(node, attr, row[column].strip())
            if row["required"].strip():
                node.required = row["required"] == "yes"
        else:  # enum-add / enum-remove: the constraints column holds the value
            values = enum_of(node.constraints) or []
            value = row["constraints"].strip()
            if (value in values) == (op == "enum-add"):
                raise ValueError(f"{where}: {path} {'already allows' if op == 'enum-add' else 'does not allow'} "
                                 f"{value!r}")
            values = values + [value] if op == "enum-add" else [v for v in values if v != value]
            node.constraints = _set_enum(node.constraints, values)
        release.by_path.clear()
        release._index(root)
    return release


# ----------------------------------------------------------------------------------------------------------
# Constraints
# ----------------------------------------------------------------------------------------------------------

def split_constraints(text):
    """Split 'length [1 .. ]; items: regex X' into its parts. No official pattern contains '; ', so the split
    is safe; an unknown part fails loudly in constraint_keywords."""
    return [part.strip() for part in text.split("; ") if part.strip()]


def _bounds(text):
    m = re.fullmatch(r"\[\s*(-?\d*)\s*(\(exclusive\))?\s*\.\.\s*(-?\d*)\s*\]", text.strip())
    if not m:
        raise ValueError(f"cannot parse bounds {text!r}")
    low = int(m.group(1)) if m.group(1) else None
    high = int(m.group(3)) if m.group(3) else None
    return low, bool(m.group(2)), high


def constraint_keywords(text, json_type, custom_patterns, pattern_replacements):
    """Constraint string of one value -> (keywords for the value, keywords for its items, list of @validates
    names). `json_type` is the JSON type of the value the constraint applies to."""
    value_kw, items_kw, validators = {}, {}, []
    for part in split_constraints(text):
        if part.startswith("items: "):
            item_type = "string" if json_type == "array" else json_type
            sub, _, sub_validators = constraint_keywords(part[7:], item_type, custom_patterns, pattern_replacements)
            items_kw.update(sub)
            validators += sub_validators
            continue
        for atom in part.split(" AND "):
            atom = atom.strip()
            if atom.startswith("@validates:"):
                validators.append(atom.split(":", 1)[1])
            elif atom.startswith("custom:"):
                name = atom.split(":", 1)[1]
                if name not in custom_patterns:
                    raise ValueError(f"no pattern for custom validator {name} in overrides.json")
                value_kw.update(pattern_keywords(custom_patterns[name], pattern_replacements))
            elif atom.startswith("regex "):
                value_kw.update(pattern_keywords(atom[6:], pattern_replacements))
            elif atom.startswith("one of {"):
                values = [v.strip() for v in atom[len("one of {"):-1].split(",")]
                value_kw["enum"] = [int(v) for v in values] if json_type == "integer" else values
            elif atom.startswith("range "):
                low, exclusive, high = _bounds(atom[6:])
                if low is not None:
                    value_kw["exclusiveMinimum" if exclusive else "minimum"] = low
                if high is not None:
                    value_kw["maximum"] = high
            elif atom.startswith("length"):
                prefix = "Items" if json_type == "array" else "Length"
                if atom.startswith("length =="):
                    n = int(atom.split("==")[1])
                    value_kw["min" + prefix] = value_kw["max" + prefix] = n
                else:
                    low, _, high = _bounds(atom[6:])
                    if low is not None:
                        value_kw["min" + prefix] = low
                    if high is not None:
                        value_kw["max" + prefix] = high
            elif atom.startswith("alternative to Script"):
                pass  # custom-action Sequence: handled by the custom-action builder
            else:
                raise ValueError(f"unknown constraint {atom!r}")
    return value_kw, items_kw, validators


def enum_of(text):
    """Enum values named directly in a constraint string (not the items part), as strings; None if none."""
    for part in split_constraints(text):
        if part.startswith("one of {"):
            return [v.strip() for v in part[len("one of {"):-1].split(",")]
    return None


def items_enum_of(text):
    for part in split_constraints(text):
        if part.startswith("items: one of {"):
            return [v.strip() for v in part[len("items: one of {"):-1].split(",")]
    return None


# ----------------------------------------------------------------------------------------------------------
# Patterns: the official code applies Python `re.match` (anchored at the start only, `$` also matches before
# one trailing newline, `.` matches anything but `\n`, `\d` is any digit). JSON Schema `pattern` is an
# unanchored ECMA-262 search (std::regex ECMAScript in valijson; Python `re.search` in python-jsonschema).
# The translation below keeps the meaning identical in all three engines.
# ----------------------------------------------------------------------------------------------------------

_UNPORTABLE = [r"\Z", r"\A", "(?i)", "(?<", "(?P", "*+", "++", "?+", r"\u"]


def _top_level_branches(pattern):
    branches, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # "[]...]" : a leading ] is literal
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def translate_pattern(pattern):
    """Python re.match pattern -> ECMA-262 pattern with the same meaning under an unanchored search."""
    for bad in _UNPORTABLE:
        if bad in pattern:
            raise ValueError(f"pattern {pattern!r} uses {bad!r}: add a replacement in overrides.json")
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            esc = pattern[i:i + 2]
            if esc == r"\d":
                out.append("0-9" if in_class else "[0-9]")  # ASCII digits in every engine
            else:
                out.append(esc)
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c == ".":
            out.append(r"[^\n]")  # Python's `.`; ECMA's would also refuse \r, U+2028, U+2029
        elif c == "$":
            out.append(r"\n?$")  # Python's `$` also matches before one final newline
        else:
            out.append(c)
        i += 1
    result = "".join(out)
    # re.match anchors every alternative at the start; keep the official `^a$|^b$` shape when it already is.
    if not all(b.startswith("^") for b in _top_level_branches(result)):
        result = "^(?:" + result + ")"
    return result


def pattern_keywords(pattern, replacements):
    """Keywords for one official pattern: a replacement from overrides.json when the pattern cannot be
    carried over literally, else {"pattern": translated}."""
    if pattern in replacements:
        return dict(replacements[pattern])
    return {"pattern": translate_pattern(pattern)}


def parse_policy(raw, aliases):
    """'COMPUTE_FLEET_STOP (list items matched by Name)' -> {'policy': ..., 'items_keyed_by': 'Name'}."""
    m = re.fullmatch(r"(\S+)(?: \(list items matched by (\w+)\))?", raw)
    if not m:
        raise ValueError(f"cannot parse update policy {raw!r}")
    entry = {"policy": aliases.get(m.group(1), m.group(1))}
    if m.group(1) in aliases:
        entry["raw"] = m.group(1)
    if m.group(2):
        entry["items_keyed_by"] = m.group(2)
    return entry
