"""Django's manage.py for corparent: `python -m corparent.manage <command>` or `corparent manage`."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corparent.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["corparent manage", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
