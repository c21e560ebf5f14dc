"""The Dutch citizen service number (BSN) and its 11-proef."""

import re

_NINE_DIGITS = re.compile(r"^\d{9}$")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_valid_bsn(value: str) -> bool:
    """Nine digits whose weighted sum (9..2, then -1) is a non-zero multiple of 11."""
    if not _NINE_DIGITS.match(value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, _WEIGHTS, strict=True))
    return total != 0 and total % 11 == 0
