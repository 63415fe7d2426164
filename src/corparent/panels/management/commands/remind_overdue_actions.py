"""Email the owners of overdue panel actions, at most once a day per action."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corparent.panels.services.actions import actions_remind_overdue


class Command(BaseCommand):
    help = "Email the owners of overdue panel actions (each action at most once a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to remind as of, YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("date"):
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"--date {options['date']!r}: expected a date like 2026-05-14") from exc
        done = actions_remind_overdue(today=today)
        self.stdout.write(f"Sent {done.emails} reminder email(s) about {done.actions} overdue action(s).")
        for name in done.unreachable:
            self.stdout.write(f"No email address for {name}: not reminded.")
