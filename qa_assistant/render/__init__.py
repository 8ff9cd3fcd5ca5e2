"""Renderers: the same DraftResult as terminal text, JSON, Markdown, tables and annotated DOCX."""
