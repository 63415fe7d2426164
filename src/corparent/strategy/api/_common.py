"""What the strategy API's modules share: the read permission and refusals as 400s."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability


def _refused(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError(dict(error.message_dict.items()))
    return ValidationError({"non_field_errors": error.messages})


class _Strategy:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_STRATEGY
