"""The `kindcentraal` command, run for real against a fresh database."""

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "kindcentraal.cli"]


def _run(args: list[str], tmp_path: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "KC_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "KC_SECRET_KEY": "cli-test-" + "k" * 40,
    }
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, **kwargs
    )


def test_openapi_prints_the_committed_document(tmp_path: Path) -> None:
    result = _run(["openapi"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["info"]["title"] == "KindCentraal API"
    assert result.stdout == (ROOT / "openapi.yaml").read_text()


def test_upgrade_seed_and_create_admin(tmp_path: Path) -> None:
    assert _run(["db", "upgrade"], tmp_path).returncode == 0
    seeded = _run(["seed", "demo"], tmp_path)
    assert seeded.returncode == 0
    assert "Demo data loaded" in seeded.stdout
    again = _run(["seed", "demo"], tmp_path)
    assert "already has data" in again.stdout
    created = _run(
        ["create-admin", "--email", "Admin@Huizen.example", "--name", "Ada Admin"],
        tmp_path,
        input="a-long-enough-password\n",
    )
    assert created.returncode == 0, created.stderr
    assert "created" in created.stdout
    short = _run(
        ["create-admin", "--email", "b@huizen.example", "--name", "B"], tmp_path, input="short\n"
    )
    assert short.returncode == 1


def test_production_refuses_demo_data(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KC_ENV": "production",
        "KC_SECRET_KEY": "p" * 48,
        "KC_DATABASE_URL": "postgresql://nowhere/kc",
    }
    result = subprocess.run(
        [*CLI, "seed", "demo"], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 1
    assert "production" in result.stderr
