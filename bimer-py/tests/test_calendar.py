"""bimer.Calendar: scalar queries, agreement with the PyPI ``holidays``
package, and the vectorised add_business_days / business_due over numpy
datetime64[D] arrays."""

from __future__ import annotations

import datetime as dt
import functools

import holidays
import numpy as np
import pytest

import bimer

YEARS = range(2004, 2033)  # the range Diyanet has confirmed and python-holidays covers
CAL = bimer.Calendar.turkey()


@functools.lru_cache(maxsize=None)
def python_holidays(*categories: str) -> holidays.HolidayBase:
    return holidays.country_holidays(
        "TR", years=YEARS, categories=categories, language="en_US"
    )


def test_bundled_calendar_facts() -> None:
    assert CAL.range == (dt.date(2004, 1, 1), dt.date(2040, 12, 31))
    assert CAL.confirmed_until == dt.date(2032, 12, 31)
    assert CAL.is_estimated(dt.date(2033, 1, 1))
    assert CAL.policy == bimer.Policy()
    assert not CAL.is_business_day(dt.date(2027, 1, 1))  # Yılbaşı
    assert CAL.day_kind(dt.date(2027, 10, 28)) is bimer.DayKind.HALF_DAY
    assert CAL.is_business_day(dt.date(2027, 10, 28))
    assert not CAL.is_full_business_day(dt.date(2027, 10, 28))
    assert CAL.day_kind(dt.date(2026, 11, 28)) is bimer.DayKind.WEEKEND
    assert CAL.next_business_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 30)
    assert CAL.roll_to_full_business_day(dt.date(2027, 10, 28)) == dt.date(2027, 11, 1)  # 29th: Cumhuriyet Bayramı
    assert CAL.add_business_days(dt.date(2026, 12, 31), 15) == dt.date(2027, 1, 22)
    assert CAL.add_business_days("2026-12-31", 15) == dt.date(2027, 1, 22)
    assert CAL.add_business_days(dt.date(2026, 11, 28), 0) == dt.date(2026, 11, 30)
    assert CAL.business_days_between(dt.date(2026, 12, 31), dt.date(2027, 1, 22)) == 15
    assert CAL.business_days_between(dt.date(2027, 1, 22), dt.date(2026, 12, 31)) == -15
    # The 15th business day from 2027-02-15 is the Ramazan arife: a period may not end on it.
    assert CAL.add_business_days(dt.date(2027, 2, 15), 15) == dt.date(2027, 3, 8)
    assert CAL.business_due(dt.date(2027, 2, 15), 15) == dt.date(2027, 3, 12)


def test_holiday_lookup() -> None:
    h = CAL.holiday(dt.date(2017, 7, 15))
    assert h is not None
    assert h.name_tr == "Demokrasi ve Millî Birlik Günü"
    assert h.date == dt.date(2017, 7, 15) and not h.half_day and not h.estimated
    assert CAL.holiday(dt.date(2016, 7, 15)) is None  # Law 6752 applies from 2017
    assert all(h.estimated for h in CAL.holidays(2035) if h.name_en.startswith("Eid"))


@pytest.mark.parametrize("year", YEARS)
def test_holidays_agree_with_pypi_holidays(year: int) -> None:
    ours = {h.date: h for h in CAL.holidays(year)}
    everything = python_holidays("public", "half_day")
    public, half = python_holidays("public"), python_holidays("half_day")
    theirs = {d for d in everything if d.year == year}
    assert set(ours) == theirs
    for d, h in ours.items():
        assert h.half_day == (d in half and d not in public), d
        assert set(h.name_en.split("; ")) == set(everything.get_list(d)), d
    assert [h.date for h in CAL.holidays(year)] == sorted(ours)


def test_business_days_agree_with_pypi_holidays_every_date() -> None:
    public = python_holidays("public")
    d, last = dt.date(YEARS[0], 1, 1), dt.date(YEARS[-1], 12, 31)
    diffs = []
    while d <= last:
        theirs = d.weekday() < 5 and d not in public
        if CAL.is_business_day(d) != theirs:
            diffs.append(d)
        d += dt.timedelta(days=1)
    assert diffs == []


@pytest.mark.parametrize("year", [2003, 2041, 0, 10**6])
def test_years_outside_the_data_raise_the_domain_error(year: int) -> None:
    with pytest.raises(bimer.CalendarRangeError):
        CAL.holidays(year)


def test_dates_outside_the_data_raise_the_domain_error() -> None:
    for d in [dt.date(2003, 12, 31), dt.date(2041, 1, 1), dt.date(1, 1, 1), dt.date(9999, 12, 31)]:
        with pytest.raises(bimer.CalendarRangeError) as info:
            CAL.is_business_day(d)
        assert info.value.code == "calendar_out_of_range"
        assert info.value.first == dt.date(2004, 1, 1)
        assert info.value.last == dt.date(2040, 12, 31)
    with pytest.raises(bimer.CalendarRangeError):
        CAL.add_business_days(dt.date(2040, 12, 20), 15)
    with pytest.raises(bimer.CalendarRangeError):
        CAL.add_business_days(dt.date(2040, 12, 20), 2**32 - 1)


def test_policies() -> None:
    arife = dt.date(2027, 3, 8)
    strict = CAL.with_policy(half_day=bimer.HalfDayPolicy.HOLIDAY)
    assert not strict.is_business_day(arife)
    assert strict.policy.half_day is bimer.HalfDayPolicy.HOLIDAY
    lax = CAL.with_policy(bimer.Policy(half_day="working_day"))
    assert lax.is_full_business_day(arife)
    bridge = dt.date(2025, 4, 2)  # national administrative leave
    leave = CAL.with_policy(administrative_leave="holiday")
    assert CAL.is_business_day(bridge) and not leave.is_business_day(bridge)
    assert leave.day_kind(bridge) is bimer.DayKind.ADMINISTRATIVE_LEAVE
    quake = dt.date(2025, 2, 6)  # regional leave, Malatya
    malatya = CAL.with_policy(administrative_leave="holiday", province="malatya")
    assert malatya.policy.province == "Malatya"
    assert not malatya.is_business_day(quake) and leave.is_business_day(quake)
    assert CAL.with_policy(administrative_leave="holiday", province=44) == malatya
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.with_policy(province="Atlantis", administrative_leave="holiday")
    assert info.value.field == "province"
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.with_policy(half_day="sometimes")
    assert info.value.field == "half_day"
    with pytest.raises(bimer.InvalidInputError):
        bimer.Policy(province="Ankara")  # only with administrative_leave="holiday"


def test_patched_calendar() -> None:
    patched = CAL.patched(
        {
            "holidays": [
                {"date": dt.date(2041, 1, 1), "name_tr": "Yılbaşı", "name_en": "New Year's Day"}
            ],
            "remove_holidays": ["2027-07-15"],
            "covers_until": "2041-12-31",
        }
    )
    assert not patched.is_business_day(dt.date(2041, 1, 1))
    assert patched.is_business_day(dt.date(2027, 7, 15))
    assert not CAL.is_business_day(dt.date(2027, 7, 15))
    assert patched != CAL
    with pytest.raises(bimer.InvalidCalendarDataError):
        CAL.patched({"holidays": [{"date": "2041-01-01", "name_tr": "a", "name_en": "b"}]})
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.patched({"holidays": [{"date": "2041-01-01"}]})
    assert info.value.field.startswith("holidays")


# ------------------------------------------------------------ vectorised


def random_dates(count: int, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lo = np.datetime64("2004-01-01", "D").astype("int64")
    hi = np.datetime64("2039-06-01", "D").astype("int64")
    return rng.integers(lo, hi, size=count, endpoint=True).astype("datetime64[D]")


def full_holidays() -> np.ndarray:
    days = [h.date for y in range(2004, 2041) for h in CAL.holidays(y) if not h.half_day]
    return np.array(days, dtype="datetime64[D]")


@pytest.mark.parametrize("n", [0, 1, 15, 30, 250])
def test_vectorised_equals_scalar(n: int) -> None:
    dates = random_dates(3000, seed=n)
    out = CAL.add_business_days(dates, n)
    assert out.dtype == np.dtype("datetime64[D]") and out.shape == dates.shape
    expected = [CAL.add_business_days(d.item(), n) for d in dates]
    assert [d.item() for d in out] == expected
    due = CAL.business_due(dates, n)
    assert [d.item() for d in due] == [CAL.business_due(d.item(), n) for d in dates]


@pytest.mark.parametrize("n", [1, 15, 30])
def test_vectorised_agrees_with_numpy_busday_offset(n: int) -> None:
    """Half days are worked mornings: numpy with the full holidays counts the
    same business days. roll='backward' then n: the date itself never counts."""
    dates = random_dates(100_000)
    theirs = np.busday_offset(dates, n, roll="backward", holidays=full_holidays())
    assert np.array_equal(CAL.add_business_days(dates, n), theirs)
    lax = CAL.with_policy(half_day="working_day")
    assert np.array_equal(lax.business_due(dates, n), theirs)


def test_vectorised_shapes_nat_and_inputs() -> None:
    grid = random_dates(12).reshape(3, 4)
    out = CAL.add_business_days(grid, 15)
    assert out.shape == (3, 4)
    assert out[2, 1] == np.datetime64(CAL.add_business_days(grid[2, 1].item(), 15))
    with_nat = np.array(["2026-12-31", "NaT"], dtype="datetime64[D]")
    out = CAL.add_business_days(with_nat, 15)
    assert out[0] == np.datetime64("2027-01-22") and np.isnat(out[1])
    # Lists of dates and of ISO texts are converted; the result is writable.
    out = CAL.add_business_days([dt.date(2026, 12, 31), "2026-12-02"], 15)
    assert list(out) == [np.datetime64("2027-01-22"), np.datetime64("2026-12-23")]
    out[0] = np.datetime64("2000-01-01")
    # Non-contiguous views work.
    dates = random_dates(100)
    assert np.array_equal(CAL.add_business_days(dates[::3], 5), CAL.add_business_days(dates, 5)[::3])
    assert CAL.add_business_days(np.array([], dtype="datetime64[D]"), 3).shape == (0,)
    # numpy integers are counts.
    assert CAL.add_business_days(dt.date(2026, 12, 31), np.int64(15)) == dt.date(2027, 1, 22)


def test_vectorised_out_of_range_names_the_index() -> None:
    dates = np.array(["2026-01-05", "2041-01-01", "2026-01-05"], dtype="datetime64[D]")
    with pytest.raises(bimer.CalendarRangeError) as info:
        CAL.add_business_days(dates, 15)
    assert info.value.index == 1
    huge = np.array([np.iinfo(np.int64).max - 5, np.iinfo(np.int64).min + 5]).view("datetime64[D]")
    with pytest.raises(bimer.CalendarRangeError):
        CAL.add_business_days(huge, 1)
    with pytest.raises(bimer.CalendarRangeError):
        CAL.business_due(huge, 1)


def test_bad_arguments_name_the_field() -> None:
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.add_business_days(dt.date(2026, 1, 5), -1)
    assert info.value.field == "n"
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.is_business_day(dt.datetime(2026, 1, 5, 12, 0))
    assert info.value.field == "date"
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.is_business_day("5 Ocak 2026")
    assert info.value.field == "date"
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.add_business_days(object(), 1)
    assert info.value.field == "dates"
    with pytest.raises(bimer.InvalidInputError) as info:
        CAL.add_business_days(dt.date(2026, 1, 5), 1.5)
    assert info.value.field == "n"
