"""``python -m llama_cards`` runs the ``llama-cards`` command."""

from llama_cards.cli import main

raise SystemExit(main())
