import uuid

from pydantic import Field

from kindcentraal.common.schemas import ApiModel, Timestamps, UpdateModel


class ChildCentreCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=300)


class ChildCentreUpdate(UpdateModel):
    nullable = frozenset({"address"})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=300)


class ChildCentreRead(Timestamps):
    id: uuid.UUID
    name: str
    address: str | None
