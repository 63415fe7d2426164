"""What the panels API views share: turning a service's refusal into a 400 with the reason per field,
and the two views most endpoints are, declared by the selector, service and serializer they use:

- ``ServiceListCreate``: GET lists what ``list_selector`` returns; POST validates with the serializer
  and creates through ``create_service``.
- ``ServiceRetrieveUpdate``: GET reads one object; PUT or PATCH updates it through
  ``update_service`` (fields the request leaves out keep their current values).

The services check the rules and write the audit log, so the API and the pages behave the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from corparent.panels.services.constitution import ConstitutionError

# The classes below have comments rather than docstrings on purpose: drf-spectacular describes an
# endpoint with the first docstring among its view's classes, so a docstring here would become the
# description of every endpoint whose own view has none.


def as_api_error(error: Exception) -> ValidationError:
    """A service's refusal as a 400 body: the reason(s) per field, "non_field_errors" for the rest."""
    if isinstance(error, ConstitutionError):
        return ValidationError(
            {(field or "non_field_errors"): [message] for field, message in error.errors.items()}
        )
    if isinstance(error, DjangoValidationError) and hasattr(error, "error_dict"):
        return ValidationError(dict(error.message_dict))
    if isinstance(error, DjangoValidationError):
        return ValidationError({"non_field_errors": error.messages})
    raise TypeError(f"not a service refusal: {error!r}")


@contextmanager
def refusal_as_400(refusal: type[Exception]) -> Iterator[None]:
    """Inside the block, a ``refusal`` raised by a service becomes the API's 400 (see as_api_error)."""
    try:
        yield
    except refusal as error:
        raise as_api_error(error) from error


class ServiceListCreate(generics.ListCreateAPIView):
    # Set on each view: serializer_class, list_selector and create_service (plain functions: they are
    # called on the class, so not bound to the view), refusal (the exception its services raise).
    # scope() gives what both take from the URL (e.g. the panel); list_kwargs() and create_kwargs()
    # adapt them per view.
    list_selector: ClassVar[Callable[..., Any]]
    create_service: ClassVar[Callable[..., Any]]
    refusal: ClassVar[type[Exception]]

    def scope(self) -> dict[str, Any]:
        return {}

    def list_kwargs(self) -> dict[str, Any]:
        return self.scope()

    def create_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return {**self.scope(), **data}

    def get_queryset(self) -> Any:
        return type(self).list_selector(**self.list_kwargs())

    def perform_create(self, serializer: Any) -> None:
        with refusal_as_400(self.refusal):
            serializer.instance = type(self).create_service(
                user=self.request.user,
                request=self.request,
                **self.create_kwargs(dict(serializer.validated_data)),
            )


class ServiceRetrieveUpdate(generics.RetrieveUpdateAPIView):
    # Set on each view: serializer_class, queryset, lookup_url_kwarg, update_service (a plain
    # function, as above), instance_kwarg (the service's name for the object), kept_fields (current values
    # sent to the service unless the request changes them) and refusal.
    update_service: ClassVar[Callable[..., Any]]
    instance_kwarg: ClassVar[str]
    kept_fields: ClassVar[tuple[str, ...]]
    refusal: ClassVar[type[Exception]]

    def update_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return data

    def perform_update(self, serializer: Any) -> None:
        instance = serializer.instance
        data = {name: getattr(instance, name) for name in self.kept_fields}
        data.update(serializer.validated_data)
        with refusal_as_400(self.refusal):
            type(self).update_service(
                user=self.request.user,
                request=self.request,
                **{self.instance_kwarg: instance},
                **self.update_kwargs(data),
            )
