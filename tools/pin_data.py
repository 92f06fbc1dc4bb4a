"""Print the sha256 of each shipped data file, for the pin table in ``_data.py``.

A maintainer's tool, not shipped in the package. Run ``python tools/pin_data.py --write``
from the repository root after changing a data file; it rewrites the table in place.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "llama_cards"
_TABLE = _PACKAGE / "_data.py"
_DATA = _PACKAGE / "data"


def shipped_hashes() -> dict[str, str]:
    """sha256 of every ``data/card-<version>.json``, by version."""
    from packaging.version import Version

    paths = {path.stem[len("card-") :]: path for path in _DATA.glob("card-*.json")}
    return {
        version: hashlib.sha256(paths[version].read_bytes()).hexdigest()
        for version in sorted(paths, key=Version)
    }


def main(argv: list[str]) -> int:
    hashes = shipped_hashes()
    table = "".join(f'    "{version}": "{digest}",\n' for version, digest in hashes.items())
    if "--write" in argv:
        text = _TABLE.read_text(encoding="utf-8")
        text, count = re.subn(
            r"(SHIPPED_SHA256: dict\[str, str\] = \{\n)(.*?)(\})",
            lambda m: m.group(1) + table + m.group(3),
            text,
            count=1,
            flags=re.S,
        )
        if count != 1:
            print("could not find the pin table in _data.py", file=sys.stderr)
            return 1
        _TABLE.write_text(text, encoding="utf-8")
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
