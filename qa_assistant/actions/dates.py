"""Parse due dates as UK drafts write them: 31/03/2025, 31.3.25, 3rd March 2025, March 2025,
end of Jan 25, Q2 2025/26 (financial year), and relative timescales ("within 6 weeks")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MON = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")
_ISO = re.compile(r"\b(20\d{2})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(\d{{4}}|\d{{2}})\b", re.I
)
_MONTH_DAY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# "March 2025", "Mar '25"; a bare "May 31" is a day, not 2031: two digits are a year only after
# an apostrophe (dates are never invented).
_MONTH_YEAR = re.compile(
    rf"\b{_MON}\s+(?:(\d{{4}})|(?:'|’)(\d{{2}})|(\d{{2}}))\b(?!\s*(?:st|nd|rd|th)\b)", re.I
)
# A day and month with no year ("31 May", "May 31st", "14/03"): a date the plan names, whose year
# is not written; reported as a timescale without a calendar date.
_DAY_MONTH_ONLY = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}|{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
    r"|\b(\d{1,2})/(\d{1,2})\b(?!/)",
    re.I,
)
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")
_QUARTER = re.compile(
    r"\bq([1-4])\s*(?:of\s+)?(?:fy\s*)?(20\d{2}|\d{2})(?:\s*/\s*(\d{2,4}))?\b", re.I
)


@dataclass(frozen=True)
class Due:
    when: date | None  # a calendar date when one is written
    timescale: str  # the words that carried it ("31/03/2025", "within 6 weeks")

    @property
    def dated(self) -> bool:
        return bool(self.timescale)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _year(text: str) -> int:
    y = int(text)
    return 2000 + y if y < 100 else y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date | None:
    if not 1 <= m <= 12 or not 1990 <= y <= 2100:
        return None
    return date(y, m, calendar.monthrange(y, m)[1])


def review_year(text: str) -> int | None:
    """The year a draft is mostly about: the most frequent year written in it."""
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), y))


def parse_date(text: str, near_year: int | None = None) -> tuple[date, str] | None:
    """The first calendar date in ``text`` and the words that gave it.

    "Jan 25" is January 2025 only when 2025 is within two years of ``near_year`` (the review's
    own year); otherwise it may be a day, and no year is invented."""
    found: list[tuple[int, date, str]] = []
    for m in _ISO.finditer(text):
        d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d, m.group(0)))
    for m in _NUMERIC.finditer(text):
        d = _safe(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d, m.group(0)))
    for m in _DAY_MONTH.finditer(text):
        d = _safe(_year(m.group(3)), _month(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d, m.group(0)))
    for m in _MONTH_DAY.finditer(text):
        d = _safe(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        if d:
            found.append((m.start(), d, m.group(0)))
    if not found:
        for m in _MONTH_YEAR.finditer(text):
            y = m.group(2) or m.group(3)
            if not y:
                bare = 2000 + int(m.group(4))
                if near_year is None or abs(bare - near_year) > 2:
                    continue
                y = str(bare)
            d = _month_end(_year(y), _month(m.group(1)))
            if d:
                found.append((m.start(), d, m.group(0)))
        for m in _QUARTER.finditer(text):
            q, y = int(m.group(1)), _year(m.group(2))
            if m.group(3):  # financial year: Q1 = Apr-Jun ... Q4 = Jan-Mar of the next year
                month = {1: 6, 2: 9, 3: 12, 4: 3}[q]
                y = y + 1 if q == 4 else y
            else:
                month = q * 3
            d = _month_end(y, month)
            if d:
                found.append((m.start(), d, m.group(0)))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    return found[0][1], found[0][2]


def find_due(text: str, timescale_patterns: list[re.Pattern], near_year: int | None = None) -> Due:
    """A calendar date if one is written, else a relative timescale, else nothing."""
    parsed = parse_date(text, near_year)
    if parsed:
        return Due(parsed[0], parsed[1])
    low = text.lower()
    for pattern in timescale_patterns:
        m = pattern.search(low)
        if m:
            return Due(None, m.group(0))
    m = _DAY_MONTH_ONLY.search(text)
    if m:
        return Due(None, m.group(0))  # a day and month: dated, but no year is invented
    return Due(None, "")
