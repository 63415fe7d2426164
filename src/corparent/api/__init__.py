"""The JSON API: each app's endpoints gathered under /api/v1/, with an OpenAPI schema."""
