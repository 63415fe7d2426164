"""Where the DfE-shaped fixtures (invented figures, in the repo) and the real files (outside) are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "dfe"
REFERENCE = ROOT.parent / "shared" / "reference" / "dfe"


@pytest.fixture
def reference() -> Path:
    """The real DfE files; the test is skipped, saying why, where they are absent."""
    if not (REFERENCE / "sn_model_2025_wide.csv").exists():
        pytest.skip(f"the real DfE files are not here ({REFERENCE}); they live outside the repo")
    return REFERENCE
