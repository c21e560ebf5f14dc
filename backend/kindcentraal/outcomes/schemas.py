"""The outcome report: indicators as tables of cells, each a time series and a comparison
between centres. Every cell says whether it was suppressed, so that a reader (and the SPA's
reading of a chart) never mistakes a hidden figure for a zero."""

import enum
import uuid

from pydantic import ConfigDict, Field

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel


class Interval(enum.StrEnum):
    MONTH = "month"
    TERM = "term"
    SCHOOL_YEAR = "schoolYear"


class IndicatorId(enum.StrEnum):
    WAITING_TIME = "waitingTime"
    SUPPORT_LOCATION = "supportLocation"
    TRAJECTORY_OUTCOMES = "trajectoryOutcomes"
    REFERRALS = "referrals"
    SIGNALS = "signals"
    SIGNAL_FUNNEL = "signalFunnel"
    ONE_TEAM = "oneTeam"
    CASELOAD = "caseload"
    CASELOAD_BY_ORGANISATION = "caseloadByOrganisation"
    PARTICIPATION = "participation"
    PARTICIPATION_BY_AGE = "participationByAge"
    ROOM_USE = "roomUse"
    FLOOR_AREA = "floorArea"
    PARENTS = "parents"


class Cell(ReadModel):
    """One figure. `value` is null when it is suppressed (a count under the threshold, a cell
    that would give one away through the totals, or a figure worked out from either) or when
    there is nothing to measure (a median of no trajectories)."""

    model_config = ConfigDict(**ReadModel.model_config, frozen=True)

    value: float | None
    suppressed: bool = False


class Row(ReadModel):
    """The figures of one period (series) or one centre (comparison), for one group (a
    trajectory type, an outcome, a destination...) or for all groups together (`group` null)."""

    period: str | None = Field(description="The period's key; null in the comparison.")
    centre_id: uuid.UUID | None = Field(description="The centre; null in the series.")
    group: str | None = Field(description="The group's key; null for the total of all groups.")
    label: str | None = Field(
        default=None, description="A name for the group where it is not a code (a professional)."
    )
    values: dict[str, Cell]


class Indicator(ReadModel):
    id: IndicatorId
    group_by: str | None = Field(
        description="What a row's `group` is: trajectoryType, location, outcome, destination, "
        "decision, professional, organisation, category, ageBand; null when rows have no group."
    )
    measures: list[str] = Field(description="The keys of every row's `values`, in order.")
    series: list[Row]
    by_centre: list[Row]


class Period(ReadModel):
    key: str = Field(examples=["2025-2026", "2025-2026-T1", "2025-09"])
    from_: IsoDate = Field(alias="from")
    to: IsoDate


class CentreRef(ReadModel):
    centre_id: uuid.UUID
    name: str


class OutcomeReport(ReadModel):
    centre_id: uuid.UUID | None = Field(
        description="The centre of the series; null: every centre the caller reports on."
    )
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    interval: Interval
    trajectory_type: str | None
    small_cell_threshold: int
    periods: list[Period]
    centres: list[CentreRef] = Field(description="The centres of the comparison.")
    indicators: list[Indicator]


class ReportSettings(ReadModel):
    small_cell_threshold: int = Field(
        description="Counts of children under this are suppressed in the outcome reports."
    )


class ReportSettingsUpdate(ApiModel):
    small_cell_threshold: int = Field(ge=5, le=100)
