"""Which corporate parenting principles (Children and Social Work Act 2017 s1(1)) each kind of
councillor activity is evidence of. Declared once, as data; `evidence.py` reads it.

- Training: each session names its own principles (default (a): a councillor who knows the duty can
  act in children's best interests). A session on education would add (e), one on leaving care (g).
- Visits to children's homes: (a) seeing first hand that children's well-being is looked after, and
  (f) that they are safe and their homes stable.
- Champions: the principles of their portfolio, below.
"""

from __future__ import annotations

from corparent.members.models import Portfolio

VISIT_PRINCIPLES = ("a", "f")

PORTFOLIO_PRINCIPLES: dict[str, tuple[str, ...]] = {
    Portfolio.EDUCATION: ("e", "f"),
    Portfolio.HEALTH: ("a",),
    Portfolio.HOUSING: ("f", "g"),
    Portfolio.EMPLOYMENT: ("e", "g"),
    Portfolio.PARTICIPATION: ("b", "c"),
    Portfolio.SAFETY: ("f",),
    Portfolio.LEISURE: ("d", "a"),
}
