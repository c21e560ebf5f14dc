import uuid
from datetime import date
from typing import Self

from pydantic import AwareDatetime, Field, model_validator

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel
from kindcentraal.consent.models import ConsentPurpose, TrajectoryType


class ConsentCreate(ApiModel):
    organisation_id: uuid.UUID = Field(description="The organisation that receives the consent.")
    purpose: ConsentPurpose
    trajectory_type: TrajectoryType | None = Field(
        default=None, description="Required when purpose is `trajectory`, refused otherwise."
    )
    valid_until: IsoDate | None = None
    child_also_consents: bool = Field(
        default=False, description="Required (true) for a child of 12 to 15 years old."
    )

    @model_validator(mode="after")
    def _trajectory_type_only_for_trajectories(self) -> Self:
        if (self.purpose == ConsentPurpose.TRAJECTORY) != (self.trajectory_type is not None):
            raise ValueError("trajectoryType is required for purpose trajectory, and only then")
        if self.valid_until is not None and self.valid_until < date.today():
            raise ValueError("validUntil lies in the past")
        return self


class ConsentRead(ReadModel):
    id: uuid.UUID
    child_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    purpose: ConsentPurpose
    trajectory_type: TrajectoryType | None
    given_by_id: uuid.UUID
    given_by_name: str
    child_also_consented: bool
    given_at: AwareDatetime
    valid_until: date | None
    withdrawn_at: AwareDatetime | None
    withdrawn_by_name: str | None
    in_force: bool
