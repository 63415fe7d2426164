"""One app's API routes through drf-spectacular, as the `/api/v1/schema/` page does: the schema, with
the test failing on any warning or error the generator raises (a missing serializer, an unresolvable
type), so each app's test asks only which paths it expects."""

from __future__ import annotations

from typing import Any


def schema_without_warnings(patterns: list[Any], app: str) -> dict[str, Any]:
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    routes = [path("api/v1/", include((patterns, app), namespace=f"{app}-api"))]
    with GENERATOR_STATS.silence():
        schema: dict[str, Any] = SchemaGenerator(patterns=routes).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache, dict(
        GENERATOR_STATS._warn_cache
    )
    return schema
