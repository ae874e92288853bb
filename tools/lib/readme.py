#!/usr/bin/env python3
"""The README's example blocks, for the first-hour walk-through.

  readme.py block README KIND NAME      prints the block after <!-- KIND: NAME -->
  readme.py matches EXPECTED ACTUAL     exit 0 when ACTUAL matches EXPECTED, where "…" in
                                        EXPECTED stands for any text (ids, times); else a diff
"""
import difflib
import re
import sys

BLOCK = re.compile(r"<!-- (walkthrough|output): ([\w-]+) -->\n```\w*\n((?:(?!```)[\s\S])*)```")


def block(readme: str, kind: str, name: str) -> None:
    with open(readme, encoding="utf-8") as f:
        for found_kind, found_name, content in BLOCK.findall(f.read()):
            if (found_kind, found_name) == (kind, name):
                sys.stdout.write(content)
                return
    sys.exit(f"README has no <!-- {kind}: {name} --> block")


def matches(expected_file: str, actual_file: str) -> None:
    with open(expected_file, encoding="utf-8") as f:
        expected = f.read().rstrip("\n")
    with open(actual_file, encoding="utf-8") as f:
        actual = f.read().rstrip("\n")
    pattern = ".*?".join(re.escape(part) for part in expected.split("…"))
    if re.fullmatch(pattern, actual, re.DOTALL):
        return
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "README", "actual"))
    sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1] == "block":
        block(*sys.argv[2:5])
    else:
        matches(*sys.argv[2:4])
