"""The demo: a synthetic council in the web app, and running the app (`corparent demo | serve | worker`).

- `services.demo_seed` fills a migrated database with the synthetic council: its comparators,
  people in every role, three years of returns uploaded and published through the returns app,
  targets and commentary through the scorecard app. Running it twice changes nothing the second time.
- `password.demo_password` is the one password of the demo accounts, generated per data folder.
- `server` checks the database and runs gunicorn with the background worker, stopping both on Ctrl-C.

Only ever synthetic data (ADR 0005): the council, its children and its comparators are invented.
"""
