"""Sessions: tests on every CPython 3.9-3.13 found, lowest dependencies, lint, typecheck."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.sessions = ["tests", "lowest", "lint", "typecheck", "docs"]

ALL_PYTHONS = ["3.9", "3.10", "3.11", "3.12", "3.13"]
# pyenv keeps interpreters under ~/.pyenv/versions; put them on PATH so nox finds them.
for version_dir in sorted(
    Path(os.environ.get("PYENV_ROOT", "~/.pyenv")).expanduser().glob("versions/3.*/bin")
):
    os.environ["PATH"] = f"{os.environ['PATH']}{os.pathsep}{version_dir}"
PYTHONS = [version for version in ALL_PYTHONS if shutil.which(f"python{version}")]

LOWEST = ["pydantic==2.0", "packaging==22.0"]
PYTEST = ["-p", "no:cacheprovider"]


def _test_requirements_without_tokenizer() -> list[str]:
    """The test extra's requirements less the tokenizer extra it pulls in.

    The lowest-versions session checks the package's own floors (pydantic 2.0, packaging
    22); the tokenizer extra is optional and brings dependencies with floors of their own,
    so there the tests that count tokens skip, saying so.
    """
    test = nox.project.load_toml("pyproject.toml")["project"]["optional-dependencies"]["test"]
    return [requirement for requirement in test if not requirement.startswith("llama-cards[")]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole test suite, on each interpreter; the test extra brings the tokenizer
    extra on Python 3.10 or newer (before that, the tests that count tokens skip)."""
    session.install("-e", ".[test]")
    session.run("pytest", *PYTEST, *session.posargs)


@nox.session(python=PYTHONS[0] if PYTHONS else None)
def lowest(session: nox.Session) -> None:
    """The suite against the lowest dependency versions pyproject.toml declares, without
    the tokenizer extra."""
    session.install("-e", ".", *_test_requirements_without_tokenizer(), *LOWEST)
    session.run("python", "-m", "pip", "freeze")
    session.run("pytest", *PYTEST, *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff lint and format check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict with the pydantic plugin over src, tests, noxfile, benchmarks, doc hooks."""
    session.install("-e", ".[test,docs]", "mypy", "nox")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site; any warning fails the build."""
    session.install("-e", ".[docs]")
    session.run(
        "mkdocs", "build", "--strict", "--site-dir", "site", env={"NO_MKDOCS_2_WARNING": "1"}
    )
