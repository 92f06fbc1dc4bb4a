"""Print the sha256 of each part of each shipped card, for the pin table in ``_loader.py``.

A maintainer's tool, not shipped in the package. Run ``python tools/pin_data.py --write``
from the repository root after changing a data file; it rewrites the table in place.
``--package DIR`` pins the data of another copy of the package (the benchmarks pin a
scaled copy that way).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "llama_cards"


def shipped_hashes(package: Path = _PACKAGE) -> dict[str, dict[str, str]]:
    """sha256 of every ``data/card-<version>/<part>.json``, by version then part."""
    from packaging.version import Version

    folders = {path.name[len("card-") :]: path for path in (package / "data").glob("card-*")}
    return {
        version: {
            part.stem: hashlib.sha256(part.read_bytes()).hexdigest()
            for part in sorted(folders[version].glob("*.json"))
        }
        for version in sorted(folders, key=Version)
    }


def table(hashes: dict[str, dict[str, str]]) -> str:
    """The pin table's entries as they are written in ``_loader.py``."""
    lines = []
    for version, parts in hashes.items():
        lines.append(f'    "{version}": {{\n')
        lines += [f'        "{part}": "{digest}",\n' for part, digest in parts.items()]
        lines.append("    },\n")
    return "".join(lines)


def write(package: Path, entries: str) -> bool:
    """Rewrite the pin table of the package's ``_loader.py``; False if it is not found."""
    loader = package / "_loader.py"
    text = loader.read_text(encoding="utf-8")
    text, found = re.subn(
        r"(SHIPPED_SHA256: dict\[str, dict\[str, str\]\] = \{\n)(.*?)(^\})",
        lambda m: m.group(1) + entries + m.group(3),
        text,
        count=1,
        flags=re.S | re.M,
    )
    if found != 1:
        return False
    loader.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in place")
    parser.add_argument("--package", type=Path, default=_PACKAGE, help="the package folder")
    args = parser.parse_args(argv)
    entries = table(shipped_hashes(args.package))
    if args.write and not write(args.package, entries):
        print("could not find the pin table in _loader.py", file=sys.stderr)
        return 1
    sys.stdout.write(entries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
