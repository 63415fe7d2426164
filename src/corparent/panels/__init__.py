"""Panels: the Corporate Parenting Panel, its membership and its political balance."""
