"""Suite-wide guards: the package must never open a network connection."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest


class NetworkAccessError(RuntimeError):
    """Raised when code under test tries to open a socket."""


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkAccessError(f"network access attempted: {args!r}")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Disable sockets for the whole suite: any attempt fails the test that made it."""
    patch = pytest.MonkeyPatch()
    patch.setattr(socket.socket, "connect", _refuse)
    patch.setattr(socket.socket, "connect_ex", _refuse)
    patch.setattr(socket.socket, "bind", _refuse)
    patch.setattr(socket, "create_connection", _refuse)
    patch.setattr(socket, "getaddrinfo", _refuse)
    yield
    patch.undo()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Report how many inputs the fuzz suite tried, when it ran."""
    import sys

    fuzz = sys.modules.get("test_fuzz") or sys.modules.get("tests.test_fuzz")
    tried = getattr(fuzz, "TRIED", None)
    if tried:
        total = sum(tried.values())
        terminalreporter.write_line(f"fuzz: {total:,} inputs tried over {len(tried)} entry points")
