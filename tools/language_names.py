"""Write the names of the supported languages, in each supported language, from Unicode CLDR.

A maintainer's tool, not shipped in the package. It reads CLDR's language display names
through Babel, which is a build tool here and never a runtime dependency (install it with
``pip install -e '.[data-tools]'``), and writes them into the card's languages part,
``data/card-4/languages.json``: each language's ``written_names`` and the part's
``written_names_generated`` date. Without ``--write`` it prints the file it would write. Run
it from the repository root, then re-pin the data:

    python tools/language_names.py --write [--date YYYY-MM-DD]
    python tools/pin_data.py --write

For each supported language (in the card's order) it lists the language's names as written in
each of the supported languages, each once, with the languages that write it, then the common
names CLDR does not give, each with its own source and the reason it is taken. A name the
language record already gives (its English or native name, another name or the name of an
equivalent code) is left out: the language index has it already. Tagalog's names are read
from CLDR's ``fil`` locale (Filipino, the standardised Tagalog), since CLDR has no ``tl``
locale; its display names for ``fil`` are listed as Tagalog's too, as the data takes ``fil``
to mean Tagalog. The CLDR release must be the one the card's ``cldr`` document names
(``data/card-4/documents.json``): the tool refuses another until that record is updated.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, Optional

_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "llama_cards"
_DATA = _PACKAGE / "data" / "card-4"
OUTPUT = _DATA / "languages.json"
_DOCUMENTS = _DATA / "documents.json"

CLDR_DOCUMENT = "cldr"

# Names CLDR does not give, each from a document of its own: (language, name as the document
# prints it, the language it is written in, document, section, why it names the language).
VARIANTS: list[tuple[str, str, str, str, str, str]] = [
    (
        "hi",
        "हिंदी",
        "hi",
        "central-hindi-directorate-spelling",
        "rule for anusvara (a nasal before a consonant of its own class); the title and the "
        "directorate's name, केंद्रीय हिंदी निदेशालय",
        "The spelling of the Central Hindi Directorate's standard, which writes a nasal "
        "before a consonant of its own class as anusvara, where CLDR and glibc write the "
        "conjunct (हिन्दी). Both spellings are in common use for the one word.",
    ),
    (
        "es",
        "castellano",
        "es",
        "constitucion-espanola",
        "Preliminary Title, Article 3.1 (the official language of the State)",
        "The name Spain's constitution gives the official language of the State, used as "
        "widely as 'español' (CLDR's name) in Spain and in much of Latin America.",
    ),
    (
        "th",
        "ภาษาไทย",
        "th",
        "thai-basic-education-core-curriculum",
        "Thai language learning area (กลุ่มสาระการเรียนรู้ภาษาไทย)",
        "'Thai language' (ภาษา, language, and ไทย, Thai): the name the Ministry of "
        "Education's core curriculum gives the language and its learning area. CLDR and "
        "glibc write the shorter ไทย.",
    ),
]

# CLDR has no locale of this language; read its names from the one it is standardised as.
_CLDR_LOCALE = {"tl": "fil"}


def _babel() -> tuple[ModuleType, str, str]:
    """Babel's ``Locale`` module, its version and the CLDR version it ships."""
    try:
        core = importlib.import_module("babel.core")
        babel = importlib.import_module("babel")
    except ImportError:
        raise SystemExit(
            "this tool reads CLDR through Babel, a build tool only: install it with "
            "pip install -e '.[data-tools]'"
        ) from None
    get_version = getattr(core, "get_cldr_version", None)
    if get_version is not None:
        cldr = str(get_version())
    else:  # Babel before 2.15 has no accessor; the version is in its global data
        cldr = str(core.get_global("cldr")["version"])
    return core, str(babel.__version__), cldr


def _name_key(text: str) -> str:
    # The language index's own key (case, Unicode form and inner whitespace do not count).
    from llama_cards._languages import _name_key as index_key

    return index_key(text)


def _known_keys(entry: dict[str, Any]) -> set[str]:
    names = [entry["name"], entry["native_name"]]
    names += [other["name"] for other in entry["other_names"]]
    names += [equivalent["name"] for equivalent in entry["equivalents"]]
    return {_name_key(name) for name in names}


def _cited_cldr_version() -> Optional[str]:
    """The CLDR release the card's ``cldr`` document record names."""
    listed = json.loads(_DOCUMENTS.read_text(encoding="utf-8"))
    for document in listed["documents"]:
        if document["id"] == CLDR_DOCUMENT:
            version: Optional[str] = document["version"]
            return version
    return None


def _with_names(entry: dict[str, Any], names: list[dict[str, Any]]) -> dict[str, Any]:
    """``entry`` with ``written_names`` after its equivalents, as the record orders fields."""
    rebuilt: dict[str, Any] = {}
    for key, value in entry.items():
        if key == "written_names":
            continue
        rebuilt[key] = value
        if key == "equivalents":
            rebuilt["written_names"] = names
    return rebuilt


def build(today: date) -> dict[str, Any]:
    """The whole languages part, its names written anew, as JSON data."""
    core, _, cldr_version = _babel()
    cited = _cited_cldr_version()
    if cited != cldr_version:
        raise SystemExit(
            f"Babel ships CLDR {cldr_version}, but the card's {CLDR_DOCUMENT!r} document names "
            f"CLDR {cited}; update that record in {_DOCUMENTS.name} (version and url) first"
        )
    part = json.loads(OUTPUT.read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = part["languages"]
    locales = [
        (entry["iso639_1"], _CLDR_LOCALE.get(entry["iso639_1"], entry["iso639_1"]))
        for entry in entries
    ]
    # Codes whose CLDR display names name the language: its own, and any equivalent code
    # CLDR names (fil for Tagalog; CLDR gives no display name to arb or in).
    shown = {
        entry["iso639_1"]: [entry["iso639_1"], *(e["code"] for e in entry["equivalents"])]
        for entry in entries
    }
    owner: dict[str, str] = {}
    for entry in entries:
        for key in _known_keys(entry):
            owner[key] = entry["iso639_1"]
    languages = []
    for entry in entries:
        language = entry["iso639_1"]
        known = _known_keys(entry)
        found: dict[str, dict[str, Any]] = {}
        for written_in, cldr_locale in locales:
            display = core.Locale.parse(cldr_locale).languages
            for code in shown[language]:
                raw: Optional[str] = display.get(code)
                if raw is None:
                    continue
                name = unicodedata.normalize("NFC", str(raw)).strip()
                key = _name_key(name)
                if key in known:
                    continue
                if owner.setdefault(key, language) != language:
                    raise SystemExit(f"{name!r} would name both {owner[key]} and {language}")
                record = found.setdefault(
                    key, {"name": name, "written_in": [], "code": code, "locales": []}
                )
                if record["code"] != code:
                    raise SystemExit(f"{name!r} is CLDR's name of {record['code']} and {code}")
                record["written_in"].append(written_in)
                record["locales"].append(cldr_locale)
        names = []
        for record in found.values():
            files = ", ".join(f"main/{locale}.xml" for locale in record.pop("locales"))
            section = f"localeDisplayNames/languages, type '{record['code']}', in {files}"
            names.append({**record, "source": {"document": CLDR_DOCUMENT, "section": section}})
        for variant_language, name, written_in, document, section, reason in VARIANTS:
            if variant_language != language:
                continue
            key = _name_key(name)
            if key in known or key in found:
                raise SystemExit(f"{name!r} is already a name of {language}; drop the variant")
            if owner.setdefault(key, language) != language:
                raise SystemExit(f"{name!r} would name both {owner[key]} and {language}")
            names.append(
                {
                    "name": name,
                    "written_in": [written_in],
                    "code": language,
                    "source": {"document": document, "section": section},
                    "reason": reason,
                }
            )
        languages.append(_with_names(entry, names))
    return {**part, "languages": languages, "written_names_generated": today.isoformat()}


def dumps(data: dict[str, Any]) -> str:
    """The file's text: indented, UTF-8 as written (not escaped), one newline at the end."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.name}")
    parser.add_argument(
        "--date", type=date.fromisoformat, default=date.today(), help="generation date"
    )
    options = parser.parse_args(argv)
    _, babel_version, cldr_version = _babel()
    text = dumps(build(options.date))
    if options.write:
        OUTPUT.write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    data = json.loads(text)
    counts = ", ".join(f"{e['iso639_1']} {len(e['written_names'])}" for e in data["languages"])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"CLDR {cldr_version} (Babel {babel_version}); names: {counts}", file=sys.stderr)
    print(f"sha256 {digest}; re-pin with python tools/pin_data.py --write", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
