"""Background tasks (django-tasks) for the panel: reminding the owners of overdue actions.

Run it once a day (the worker's schedule, cron calling `corparent manage remind_overdue_actions`, or
enqueue it); running it more often sends nothing new, as each action is reminded about at most once
a day."""

from __future__ import annotations

from django_tasks import task

from corparent.panels.services.actions import actions_remind_overdue


@task()
def overdue_actions_remind() -> dict[str, object]:
    """Email the owners of overdue actions (through Django's mail backend)."""
    done = actions_remind_overdue()
    return {"emails": done.emails, "actions": done.actions, "unreachable": done.unreachable}
