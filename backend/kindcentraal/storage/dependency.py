"""The app's one storage, made from the settings on first use."""

from typing import Annotated

from fastapi import Depends, Request

from kindcentraal.config import PROJECT_ROOT, Settings
from kindcentraal.storage.base import Storage, storage_from_url


def storage_for(settings: Settings) -> Storage:
    return storage_from_url(
        settings.storage_url, root=PROJECT_ROOT, endpoint_url=settings.s3_endpoint_url
    )


async def get_storage(request: Request) -> Storage:
    state = request.app.state
    storage: Storage | None = getattr(state, "storage", None)
    if storage is None:
        storage = storage_for(state.settings)
        state.storage = storage
    return storage


StorageDep = Annotated[Storage, Depends(get_storage)]
