"""``python -m llama_cards`` runs the ``llama-cards`` command."""

from llama_cards.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    raise SystemExit(main())
