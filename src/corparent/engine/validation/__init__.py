"""Validation of the SSDA903 return: DfE's rules, each declared once, run by DuckDB."""
