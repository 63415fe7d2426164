"""Indicator results, targets, RAG, commentary and drill-down."""
