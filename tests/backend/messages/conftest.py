from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from kindcentraal.storage.local import LocalStorage


@pytest.fixture
def storage(app: FastAPI, tmp_path: Path) -> Iterator[LocalStorage]:
    """The API's storage for one test: a folder of its own, to see what is (not) stored."""
    api: FastAPI = app.state.api
    previous = getattr(api.state, "storage", None)
    store = LocalStorage(tmp_path / "attachments")
    api.state.storage = store
    yield store
    api.state.storage = previous


def stored_files(store: LocalStorage) -> list[Path]:
    return sorted(p for p in store.root.rglob("*") if p.is_file()) if store.root.exists() else []
