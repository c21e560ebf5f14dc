import uuid
from datetime import date

from pydantic import AwareDatetime, Field

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel
from kindcentraal.erasure.categories import ErasureCategory, ErasureHandling, ErasureReason


class CategoryAssessmentRead(ReadModel):
    category: ErasureCategory
    count: int = Field(description="Rows of the child's file in this category.")
    parts: dict[str, int] = Field(description="The count per kind of row (e.g. messages).")
    erasable: bool = Field(description="Whether a request can erase it (delete or anonymise).")
    reason: ErasureReason | None = Field(
        description="Why it must be kept (a legal duty); null when erasable."
    )


class ErasureAssessmentRead(ReadModel):
    child_id: uuid.UUID
    on_legal_hold: bool
    categories: list[CategoryAssessmentRead]


class ErasureRequestCreate(ApiModel):
    child_id: uuid.UUID
    categories: list[ErasureCategory] = Field(
        min_length=1,
        max_length=len(ErasureCategory),
        description="What the guardian asked to erase; kept categories are recorded with "
        "their reason.",
    )
    request_received_on: IsoDate = Field(description="The day the guardian's request came in.")
    note: str | None = Field(
        default=None,
        max_length=500,
        description="How the request came in; no content of the child's file.",
    )


class ErasedPartRead(ReadModel):
    kind: str
    handling: ErasureHandling
    count: int


class ErasedCategoryRead(ReadModel):
    category: ErasureCategory
    parts: list[ErasedPartRead]


class KeptCategoryRead(ReadModel):
    category: ErasureCategory
    reason: ErasureReason
    count: int


class ErasureRequestRead(ReadModel):
    id: uuid.UUID
    centre_id: uuid.UUID
    child_id: uuid.UUID
    handled_by_id: uuid.UUID | None
    handled_at: AwareDatetime
    request_received_on: date
    categories: list[ErasureCategory]
    erased: list[ErasedCategoryRead]
    kept: list[KeptCategoryRead]
    note: str | None


class ChildMergeCreate(ApiModel):
    survivor_id: uuid.UUID = Field(description="The record that stays.")
    duplicate_id: uuid.UUID = Field(description="The record whose rows move; then deleted.")


class MergePartRead(ReadModel):
    kind: str = Field(description="The table of the rows (e.g. placement, guardian).")
    moved: int
    dropped: int = Field(description="Rows the survivor already has the same of (doubles).")


class ChildMergeRead(ReadModel):
    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    parts: list[MergePartRead]
    merged_at: AwareDatetime | None = Field(description="Null for a preview.")
