package tr.gov.bimer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.LocalDate

/** The calendar object and the deadline functions, with java.time.LocalDate dates. */
class CalendarAndDeadlineTest {
    private val cal = LegalCalendar.turkey()
    private fun d(y: Int, m: Int, day: Int) = LocalDate.of(y, m, day)

    @Test
    fun `business-day arithmetic`() {
        assertFalse(cal.isBusinessDay(d(2027, 1, 1)), "Yılbaşı")
        assertEquals(DayKind.HOLIDAY, cal.dayKind(d(2027, 1, 1)))
        assertEquals(DayKind.WEEKEND, cal.dayKind(d(2027, 1, 2)))
        assertEquals(d(2027, 1, 22), cal.addBusinessDays(d(2026, 12, 31), 15u))
        assertEquals(15L, cal.businessDaysBetween(d(2026, 12, 31), d(2027, 1, 22)))
        assertEquals(-15L, cal.businessDaysBetween(d(2027, 1, 22), d(2026, 12, 31)))
        assertEquals(d(2027, 1, 4), cal.nextBusinessDay(d(2026, 12, 31)))
        assertEquals(DateRange(d(2004, 1, 1), d(2040, 12, 31)), cal.range())
        assertTrue(cal.isEstimated(d(2040, 6, 1)))
        assertFalse(cal.isEstimated(d(2027, 6, 1)))
    }

    @Test
    fun `half days and the policy`() {
        val arife = d(2027, 3, 8) // Ramazan Bayramı arife
        assertTrue(cal.isBusinessDay(arife))
        assertFalse(cal.isFullBusinessDay(arife))
        assertEquals(DayKind.HALF_DAY, cal.dayKind(arife))
        assertEquals(d(2027, 3, 12), cal.rollToFullBusinessDay(arife))
        val strict = cal.withPolicy(Policy(HalfDayPolicy.HOLIDAY, AdministrativeLeavePolicy.Ignore))
        assertFalse(strict.isBusinessDay(arife))
        assertEquals(HalfDayPolicy.HOLIDAY, strict.policy().halfDay)
        assertEquals(defaultPolicy(), cal.policy())
    }

    @Test
    fun `holidays of a year`() {
        val holidays = cal.holidays(2027)
        assertTrue(holidays.any { it.nameTr.contains("Ramazan Bayramı") && !it.halfDay })
        assertTrue(holidays.any { it.date == d(2027, 10, 28) && it.halfDay })
        assertEquals("Yılbaşı", cal.holiday(d(2027, 1, 1))?.nameTr)
        assertEquals(null, cal.holiday(d(2027, 1, 5)))
    }

    @Test
    fun `a calendar patch adds a holiday`() {
        val patched = cal.patchedJson(
            """{"holidays": [{"date": "2027-06-01", "name_tr": "Örnek", "name_en": "Example"}]}""",
        )
        assertFalse(patched.isBusinessDay(d(2027, 6, 1)))
        assertTrue(cal.isBusinessDay(d(2027, 6, 1)), "the original is unchanged")
    }

    @Test
    fun `deadline explains itself`() {
        val due = deadlineFor(cal, Procedure.INFORMATION_REQUEST, d(2027, 2, 15))
        assertEquals(d(2027, 3, 12), due.dueOn)
        assertEquals(Period(15u, PeriodUnit.BUSINESS_DAYS), due.period)
        val why = explainDeadline(cal, due)
        assertEquals(d(2027, 3, 12), why.dueOn)
        assertEquals(d(2027, 2, 16), why.countingStartsOn)
        assertTrue(why.skipped.any { it.nameTr == "Ramazan Bayramı" }, why.skipped.toString())
        assertTrue(why.skipped.any { it.reason == SkipReason.PERIOD_CANNOT_END_HERE })
        assertTrue(why.rules.any { it.startsWith("4982 m.11") })
    }

    @Test
    fun `free periods and rules`() {
        val p = parsePeriod("30d")
        assertEquals(Period(30u, PeriodUnit.DAYS), p)
        val due = deadline(cal, d(2026, 12, 2), p, null, "3071 m.7")
        assertEquals(d(2027, 1, 4), due.dueOn)
        val rule = periodRule(Procedure.TIHEK)
        assertEquals(Period(3u, PeriodUnit.MONTHS), rule.period)
        assertEquals(Period(6u, PeriodUnit.MONTHS), rule.extendableTo)
        assertEquals("6701 m.18", rule.citation)
        assertEquals(SourceStrength.VERIFIED, rule.source)
        assertEquals(d(2016, 4, 20), rule.validFrom)
    }
}
