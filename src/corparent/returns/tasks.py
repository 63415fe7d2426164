"""Background tasks (django-tasks): a database worker (`corparent worker`, or
`python -m corparent.manage db_worker`) runs them; in tests they run in the request."""

from __future__ import annotations

from django_tasks import task

from corparent.returns import runs


@task()
def upload_validate(*, upload_id: int) -> str:
    """Run DfE's rules over an upload and store what they found."""
    return str(runs.upload_validation_run(upload_id=upload_id).status)


@task()
def snapshot_compute(*, snapshot_id: int) -> str:
    """Compute and store a snapshot's figures for each of its reference dates."""
    return str(runs.snapshot_compute_run(snapshot_id=snapshot_id).status)
