"""Quality-assurance assistant for learning reviews after serious incidents in youth justice.

The package is laid out in the order a draft flows through it:
ingest -> document -> nlp -> checks (actions, rules, learn) -> result -> render.
"""

__version__ = "0.1.0"
