#!/usr/bin/env python3
"""The layer rules of docs/architecture.md, enforced: every `#include "PART/..."` in a source file
under sim/ or provider_stub/ must name a part that the including file's own part may include.

A file's part is its folder below sim/ (sim/scenario/reader.cpp is in `scenario`), or
`provider_stub`; sim/main.cpp belongs to `cli`. LAYERS below is the table: each part with the
parts (or single headers) it may include besides its own. An include the table does not allow
fails, named as FILE:LINE with the rule it breaks, unless tools/layer_exceptions.txt lists it:
that file names the breaks that are known and which change removes each, and an entry that no
longer matches an include fails too, so the list only ever shrinks.

usage: check_layers.py [--root DIR] [--exceptions FILE]
exit status: 0 when every include is allowed, 1 otherwise, 2 for bad usage or a bad exceptions
file.
"""
import argparse
import pathlib
import re
import sys

# Bottom to top. A part may include what it lists, never a part above it.
LAYERS = {
    "gqos": [],
    "rsvp_wire": [],
    "provider": ["gqos"],
    # The Win32 client a user's program links: its channel header and the QOS layout it copies.
    "win32": ["gqos"],
    "engine": ["gqos", "provider"],
    "scenario": ["gqos", "provider"],
    "provider_stub": ["gqos", "provider", "engine"],
    "client": ["gqos", "provider"],
    # rsvp/wire_form.* turns the model's messages into RFC 2205 bytes.
    "rsvp": ["gqos", "engine", "rsvp_wire"],
    "record": ["gqos", "provider", "engine", "scenario"],
    "runner": ["gqos", "rsvp_wire", "provider", "engine", "scenario", "provider_stub", "client",
               "rsvp", "record"],
    "program": ["gqos", "rsvp_wire", "provider", "win32", "engine", "scenario", "provider_stub",
                "client", "rsvp", "record", "runner"],
    # A report may name a run's results, and nothing else of the runner.
    "report": ["gqos", "provider", "engine", "scenario", "runner/runner.hpp"],
    "cli": ["gqos", "rsvp_wire", "provider", "win32", "engine", "scenario", "provider_stub",
            "client", "rsvp", "record", "runner", "program", "report"],
}

SOURCE_SUFFIXES = {".c", ".cpp", ".h", ".hpp"}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"/]+)/([^"]*)"')


def part_of(relative):
    """The part a file (a path relative to the root) belongs to, or None outside sim/ and
    provider_stub/."""
    parts = relative.parts
    if parts[0] == "provider_stub":
        return "provider_stub"
    if parts[0] == "sim":
        return parts[1] if len(parts) > 2 else "cli"
    return None


def allows(part, target_part, target):
    allowed = LAYERS[part]
    return target_part == part or target_part in allowed or target in allowed


def read_exceptions(path):
    """{(file, included part or header): line of the exceptions file}."""
    exceptions = {}
    if not path.exists():
        return exceptions
    for number, line in enumerate(path.read_text().splitlines(), 1):
        entry = line.split("#", 1)[0].split()
        if not entry:
            continue
        if len(entry) != 2:
            sys.exit(f"{path}:{number}: an entry is FILE PART (or FILE PART/HEADER), then a "
                     f"comment; not {line.strip()!r}")
        exceptions[(entry[0], entry[1])] = number
    return exceptions


def check(root, exceptions_path):
    problems = []
    exceptions = read_exceptions(exceptions_path)
    used = set()
    files = sorted(p for top in ("sim", "provider_stub") for p in (root / top).rglob("*")
                   if p.suffix in SOURCE_SUFFIXES and p.is_file())
    for path in files:
        relative = path.relative_to(root)
        part = part_of(relative)
        if part not in LAYERS:
            problems.append(f"{relative}: error: sim/{part}/ is not in the layer table of "
                            f"tools/check_layers.py; add it, with what it may include")
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, 1):
            match = INCLUDE.match(line)
            if not match or match.group(1) not in LAYERS:
                continue
            target_part = match.group(1)
            target = f"{target_part}/{match.group(2)}"
            if allows(part, target_part, target):
                continue
            for key in ((str(relative), target_part), (str(relative), target)):
                if key in exceptions:
                    used.add(key)
                    break
            else:
                allowed = ", ".join(LAYERS[part]) or "nothing of qosbed"
                problems.append(f"{relative}:{number}: error: {part} may not include {target} "
                                f"({part} may include: {allowed})")
    for key, number in sorted(exceptions.items(), key=lambda item: item[1]):
        if key not in used:
            problems.append(f"{exceptions_path}:{number}: error: {key[0]} no longer includes "
                            f"{key[1]}: delete this exception")
    return problems


def main():
    here = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=here,
                        help="the source tree (default: the one this script is in)")
    parser.add_argument("--exceptions", type=pathlib.Path,
                        help="the known breaks (default: ROOT/tools/layer_exceptions.txt)")
    args = parser.parse_args()
    exceptions = args.exceptions or args.root / "tools" / "layer_exceptions.txt"
    problems = check(args.root, exceptions)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
