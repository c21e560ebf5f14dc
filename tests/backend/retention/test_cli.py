"""`kindcentraal retention run --as-of`: a real run judged on a later day would purge before
the term; production refuses it (a dry run with it is how an admin looks ahead)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_production_refuses_a_real_run_as_of_a_later_day() -> None:
    env = {
        **os.environ,
        "KC_ENV": "production",
        "KC_SECRET_KEY": "p" * 48,
        "KC_DATABASE_URL": "postgresql://nowhere/kc",
    }
    result = subprocess.run(
        [sys.executable, "-m", "kindcentraal.cli", "retention", "run", "--as-of", "2040-01-01"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Refused" in result.stdout
