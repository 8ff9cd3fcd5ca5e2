"""Trained classifiers: sentence-level concern evidence and document-level status models,
their training, safe storage and evaluation."""
