"""People, roles, permissions and the audit log."""
