import uuid
from typing import Self

from pydantic import Field, model_validator

from kindcentraal.common.schemas import ApiModel, Timestamps, UpdateModel
from kindcentraal.group.models import GroupKind


class GroupCreate(ApiModel):
    centre_id: uuid.UUID
    organisation_id: uuid.UUID
    name: str = Field(min_length=1, max_length=100)
    kind: GroupKind
    grade: int | None = Field(
        default=None, ge=1, le=8, description="Groep 1-8; school classes only."
    )

    @model_validator(mode="after")
    def _grade_only_for_classes(self) -> Self:
        if self.kind == GroupKind.CHILDCARE_GROUP and self.grade is not None:
            raise ValueError("a childcare group has no grade")
        return self


class GroupUpdate(UpdateModel):
    nullable = frozenset({"grade"})

    name: str | None = Field(default=None, min_length=1, max_length=100)
    grade: int | None = Field(default=None, ge=1, le=8)


class GroupRead(Timestamps):
    id: uuid.UUID
    centre_id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    kind: GroupKind
    grade: int | None
