"""The categories of a child's file an erasure request (AVG art. 17) is answered per, and the
legal duties that keep some of them. Keys only: the SPA words them (nl, en) and docs/erasure.md
explains each; nothing here names a person."""

import enum


class ErasureCategory(enum.StrEnum):
    # Erasable on request: no legal duty keeps them.
    MESSAGES = "messages"
    ACTIVITIES = "activities"
    DATA_EXPORTS = "dataExports"
    # Kept: a legal duty of the centre's organisations (art. 17(3)(b) AVG).
    PUPIL_RECORD = "pupilRecord"
    ATTENDANCE = "attendance"
    CARE = "care"
    CONSENTS = "consents"
    ACCESS_LOG = "accessLog"


class ErasureReason(enum.StrEnum):
    """Why a category is kept (the SPA's text keys; docs/erasure.md has the law)."""

    # A centre admin put a legal hold on the child (art. 17(3)(e): legal claims).
    LEGAL_HOLD = "legalHold"
    # The school's pupil administration (WPO; Leerplichtwet), also after leaving.
    PUPIL_ADMINISTRATION = "pupilAdministration"
    # The childcare provider's administration (Wet kinderopvang; AWR art. 52: 7 years).
    CHILDCARE_ADMINISTRATION = "childcareAdministration"
    # The absence register the Leerplichtwet 1969 requires.
    ATTENDANCE_REGISTER = "attendanceRegister"
    # Youth care and care files: Jeugdwet art. 7.3.8 and WGBO (art. 7:454 BW), 20 years.
    YOUTH_CARE_FILE = "youthCareFile"
    # A consent's history lives as long as the data it covered (AVG art. 7(1)).
    CONSENT_HISTORY = "consentHistory"
    # Who saw the child's data: NEN 7513 accountability (AVG art. 5(2), 32), 5 years.
    ACCESS_LOG_ACCOUNTABILITY = "accessLogAccountability"


ERASABLE: tuple[ErasureCategory, ...] = (
    ErasureCategory.MESSAGES,
    ErasureCategory.ACTIVITIES,
    ErasureCategory.DATA_EXPORTS,
)

KEPT_REASONS: dict[ErasureCategory, ErasureReason] = {
    ErasureCategory.PUPIL_RECORD: ErasureReason.PUPIL_ADMINISTRATION,
    ErasureCategory.ATTENDANCE: ErasureReason.ATTENDANCE_REGISTER,
    ErasureCategory.CARE: ErasureReason.YOUTH_CARE_FILE,
    ErasureCategory.CONSENTS: ErasureReason.CONSENT_HISTORY,
    ErasureCategory.ACCESS_LOG: ErasureReason.ACCESS_LOG_ACCOUNTABILITY,
}


class ErasureHandling(enum.StrEnum):
    """What an erasure does to a kind of row."""

    DELETED = "deleted"
    # Kept without content (texts, names, links to other people dropped): the outcome
    # reports count it, and their figures over past periods must not change.
    ANONYMISED = "anonymised"
    KEPT = "kept"
