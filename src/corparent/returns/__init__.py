"""Uploaded returns: immutable files, validation results, snapshots."""
