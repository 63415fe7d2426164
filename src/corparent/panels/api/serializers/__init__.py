"""The panels API's serializers, one module a half of the API (constitution, meetings)."""
