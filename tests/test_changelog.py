"""CHANGELOG.md: an entry for the package version, in Keep a Changelog form, data apart."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from packaging.version import Version

import llama_cards

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"

# Keep a Changelog's kinds of change, and ours for the data, listed first and apart.
DATA = "Data"
CODE_KINDS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")

_RELEASE = re.compile(r"^## \[(?P<name>[^\]]+)\](?: - (?P<date>\S+))?\s*$")
_KIND = re.compile(r"^### (?P<kind>.+?)\s*$")
_LINK = re.compile(r"^\[(?P<name>[^\]]+)\]: (?P<url>https://\S+)$")


@dataclass
class Release:
    """One ``## [...]`` section of the changelog."""

    name: str
    date: str | None
    line: int
    kinds: list[str] = field(default_factory=list)
    items: dict[str, list[str]] = field(default_factory=dict)


def parse(text: str) -> tuple[list[Release], dict[str, str]]:
    """The releases of a changelog, newest first, and its link definitions."""
    releases: list[Release] = []
    links: dict[str, str] = {}
    kind: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            match = _RELEASE.match(line)
            assert match is not None, f"CHANGELOG.md:{number}: not '## [version] - YYYY-MM-DD'"
            releases.append(Release(match["name"], match["date"], number))
            kind = None
        elif line.startswith("### "):
            match = _KIND.match(line)
            assert match is not None
            assert releases, f"CHANGELOG.md:{number}: a kind of change before any release"
            kind = match["kind"]
            releases[-1].kinds.append(kind)
            releases[-1].items[kind] = []
        elif line.startswith("- ") and kind is not None:
            releases[-1].items[kind].append(line[2:])
        elif line.startswith("  ") and kind is not None and releases[-1].items[kind]:
            releases[-1].items[kind][-1] += f" {line.strip()}"
        elif link := _LINK.match(line):
            links[link["name"]] = link["url"]
    return releases, links


RELEASES, LINKS = parse(CHANGELOG.read_text(encoding="utf-8"))
VERSIONS = [release for release in RELEASES if release.name != "Unreleased"]


def test_the_package_version_has_a_changelog_entry() -> None:
    entries = {release.name: release for release in VERSIONS}
    assert llama_cards.__version__ in entries, (
        f"CHANGELOG.md has no '## [{llama_cards.__version__}] - YYYY-MM-DD' entry"
    )
    assert entries[llama_cards.__version__].items, "the entry lists no change"


def test_the_newest_release_is_the_package_version() -> None:
    assert VERSIONS, "CHANGELOG.md lists no release"
    assert VERSIONS[0].name == llama_cards.__version__


def test_unreleased_changes_come_first() -> None:
    assert RELEASES[0].name == "Unreleased"
    assert RELEASES[0].date is None
    assert [r.name for r in RELEASES].count("Unreleased") == 1


@pytest.mark.parametrize("release", VERSIONS, ids=[r.name for r in VERSIONS])
def test_each_release_has_a_pep440_version_and_an_iso_date(release: Release) -> None:
    assert str(Version(release.name)) == release.name, "write the version in its normal form"
    assert release.date is not None, f"CHANGELOG.md:{release.line}: {release.name} has no date"
    assert datetime.date.fromisoformat(release.date).isoformat() == release.date


def test_releases_are_newest_first() -> None:
    versions = [Version(r.name) for r in VERSIONS]
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    dates = [r.date or "" for r in VERSIONS]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("release", RELEASES, ids=[r.name for r in RELEASES])
def test_data_changes_are_listed_first_and_apart_from_code_changes(release: Release) -> None:
    allowed = (DATA, *CODE_KINDS)
    assert set(release.kinds) <= set(allowed), (
        f"CHANGELOG.md:{release.line}: kinds of change are {', '.join(allowed)}; "
        f"got {release.kinds}"
    )
    assert len(set(release.kinds)) == len(release.kinds), "a kind of change is listed twice"
    assert release.kinds == sorted(release.kinds, key=allowed.index), (
        f"list them in the order {', '.join(allowed)}"
    )
    for kind in release.kinds:
        assert release.items[kind], f"{release.name}: '### {kind}' lists nothing"


def test_the_first_release_lists_its_data_with_every_part_of_the_card() -> None:
    (first,) = [r for r in VERSIONS if r.name == "0.1.0"]
    data = " ".join(first.items[DATA])
    for part in ["Card version 4", "benchmark tables", "supported languages", "License", "EU"]:
        assert part.lower() in data.lower(), part


@pytest.mark.parametrize("release", RELEASES, ids=[r.name for r in RELEASES])
def test_each_release_heading_links_to_its_changes(release: Release) -> None:
    assert release.name in LINKS, f"add '[{release.name}]: <url>' at the end of CHANGELOG.md"
    assert LINKS[release.name].startswith("https://github.com/llama-cards/llama-cards/")


SAMPLE = """\
# Changelog

## [Unreleased]

## [1.1.0] - 2027-01-02

### Data
- A correction,
  on two lines.

### Fixed
- A fix.

## [1.0.0] - 2026-12-01

### Added
- Something.

[Unreleased]: https://github.com/llama-cards/llama-cards/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/llama-cards/llama-cards/compare/v1.0.0...v1.1.0
"""


def test_the_parser_reads_releases_kinds_items_and_links() -> None:
    releases, links = parse(SAMPLE)
    assert [(r.name, r.date, r.kinds) for r in releases] == [
        ("Unreleased", None, []),
        ("1.1.0", "2027-01-02", ["Data", "Fixed"]),
        ("1.0.0", "2026-12-01", ["Added"]),
    ]
    assert releases[1].items == {"Data": ["A correction, on two lines."], "Fixed": ["A fix."]}
    assert list(links) == ["Unreleased", "1.1.0"]


@pytest.mark.parametrize(
    "heading", ["## 1.0.0 - 2026-12-01", "## [1.0.0] 2026-12-01", "## Release 1.0.0"]
)
def test_the_parser_refuses_a_release_heading_of_another_form(heading: str) -> None:
    with pytest.raises(AssertionError, match="not '## \\[version\\] - YYYY-MM-DD'"):
        parse(f"# Changelog\n\n{heading}\n")
