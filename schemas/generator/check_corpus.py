#!/usr/bin/env python3
# Dev-only: compares the generated schema's verdicts with the official ones on the shared corpus.
"""Validates every v3 corpus file (../shared/corpus/v3-samples, v3-real and the converter outputs in
v2-expected, read in place) against
schemas/cluster-config-<release>.schema.json and compares "valid?" with the official verdict (rc 0 = valid).

Before validating it applies the same leniency the official loader has (and the C++ coercion pass mirrors):
numeric strings and floats -> int for integer fields (floats truncated), numeric strings -> float for number
fields, yes/no-style strings and 0/1 -> bool for boolean fields. Files that are not valid YAML, or repeat a
key (a YAML-level error in the official loader), are skipped.

Needs python3-yaml and python3-jsonschema (Debian packages; dev-time only, the product does not use Python).
Exits 0 when the corpus is absent (prints SKIP), else 0 if agreement >= --min-agreement, else 1.
"""
import argparse
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"

TRUE_STRINGS = {"t", "true", "on", "y", "yes", "1"}
FALSE_STRINGS = {"f", "false", "off", "n", "no", "0"}


def load_yaml(text):
    """PyYAML safe_load (YAML 1.1, as the official loader) that refuses duplicate keys."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in keys:
                raise ValueError(f"duplicate key {key!r}")
            keys.add(key)
        return loader.construct_mapping(node, deep=deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return yaml.load(text, Loader=Loader)


def _variants(word):
    return {word, word.title(), word.upper()}


def coerce(value, schema):
    """Mirror of the official loader's scalar leniency, guided by the schema's declared type."""
    kind = schema.get("type")
    if kind == "integer":
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                return value
        if isinstance(value, float) and math.isfinite(value):
            return int(value)  # truncation, as int(4.9) == 4
    elif kind == "number" and isinstance(value, str):
        try:
            number = float(value.strip())
            return number if math.isfinite(number) else value
        except ValueError:
            return value
    elif kind == "boolean":
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool) and value in (0, 1)):
            text = str(value)
            if any(text in _variants(w) for w in TRUE_STRINGS):
                return True
            if any(text in _variants(w) for w in FALSE_STRINGS):
                return False
    elif kind == "object" and isinstance(value, dict):
        props = schema.get("properties", {})
        return {k: coerce(v, props[k]) if k in props else v for k, v in value.items()}
    elif kind == "array" and isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [coerce(v, schema["items"]) for v in value]
    return value


def corpus_cases(corpus):
    samples = corpus / "v3-samples"
    for line in (samples / "verdicts.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, rc, result = (line.split("\t") + ["", ""])[:3]
        yield samples / name, int(rc), result.strip()
    for line in (corpus / "v3-real-verdicts.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, rc, result = (line.split("\t") + ["", ""])[:3]
        yield corpus / name, int(rc), result.strip()
    # The official converter's v3 outputs, checked with the official schema (spec section 9).
    converted = corpus / "v2-expected" / "V3-SCHEMA-CHECK.tsv"
    if converted.is_file():
        for line in converted.read_text(encoding="utf-8").splitlines()[1:]:
            name, status, result = (line.split("\t") + ["", ""])[:3]
            yield corpus / "v2-expected" / name, 0 if status == "VALID" else 1, result.strip()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--release", default="3.12", help="schema release the verdicts were made with")
    parser.add_argument("--min-agreement", type=float, default=0.98)
    parser.add_argument("--verbose", action="store_true", help="also list the agreeing files")
    args = parser.parse_args(argv)

    if not (args.corpus_dir / "v3-samples" / "verdicts.tsv").is_file():
        print(f"SKIP: corpus not found at {args.corpus_dir}")
        return 0
    import jsonschema

    schema = json.loads((REPO_ROOT / "schemas" / f"cluster-config-{args.release}.schema.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    agree, disagree, skipped = [], [], []
    for path, rc, official in corpus_cases(args.corpus_dir):
        label = str(path.relative_to(args.corpus_dir))
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001 - any YAML problem means "not a schema question"
            skipped.append((label, f"YAML: {str(err).splitlines()[0]}"))
            continue
        errors = sorted(validator.iter_errors(coerce(data, schema)), key=lambda e: list(e.absolute_path))
        ours_valid, official_valid = not errors, rc == 0
        row = (label, rc, official, errors)
        (agree if ours_valid == official_valid else disagree).append(row)
        if args.verbose and ours_valid == official_valid:
            print(f"agree  {label}")

    total = len(agree) + len(disagree)
    rate = len(agree) / total if total else 1.0
    print(f"release {args.release}: {len(agree)}/{total} agree ({rate:.1%}); {len(skipped)} skipped")
    for label, reason in skipped:
        print(f"  skipped   {label}: {reason}")
    for label, rc, official, errors in disagree:
        ours = "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in errors[:3]) or "valid"
        print(f"  DISAGREE  {label}\n      official rc={rc}: {official[:200]}\n      schema: {ours}")
    return 0 if rate >= args.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
