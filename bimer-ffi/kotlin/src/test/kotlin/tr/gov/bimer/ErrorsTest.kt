package tr.gov.bimer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** Errors surface as the typed, sealed BimerException with the core's stable codes. */
class ErrorsTest {
    private val cal = LegalCalendar.turkey()

    @Test
    fun `unknown field in JSON names the field`() {
        val e = assertThrows<BimerException.InvalidInput> {
            triageJson("""{"id": "A-2", "received_on": "2026-12-31", "chanel": "web"}""")
        }
        assertEquals("invalid_application", e.code)
        assertEquals("chanel", e.field)
        assertTrue(e.detail.contains("chanel"), e.detail)
    }

    @Test
    fun `malformed JSON and missing fields`() {
        val e = assertThrows<BimerException.InvalidInput> { triageJson("{not json") }
        assertEquals("", e.field)
        assertEquals("received_on", assertThrows<BimerException.InvalidInput> { triageJson("""{"id": "A"}""") }.field)
    }

    @Test
    fun `a typed application is checked by the core`() {
        val bad = Application(
            id = "K-1", receivedOn = LocalDate.of(2026, 1, 5),
            target = Target(province = "Atlantis"),
        )
        val e = assertThrows<BimerException.InvalidInput> { triage(bad) }
        assertEquals("target.province", e.field)
        val blankId = Application(id = " ", receivedOn = LocalDate.of(2026, 1, 5))
        assertEquals("id", assertThrows<BimerException.InvalidInput> { triage(blankId) }.field)
        val nationality = Application(
            id = "K-2", receivedOn = LocalDate.of(2026, 1, 5),
            applicant = Applicant.Person(nationality = "Turkey"),
        )
        assertEquals(
            "applicant.nationality",
            assertThrows<BimerException.InvalidInput> { triage(nationality) }.field,
        )
    }

    @Test
    fun `identity numbers never appear in errors`() {
        val e = assertThrows<BimerException.InvalidInput> {
            triageJson("""{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","tckn":10000000146}}""")
        }
        assertEquals("applicant.tckn", e.field)
        assertFalse(e.message!!.contains("10000000146"), e.message)
    }

    @Test
    fun `dates outside the calendar`() {
        val e = assertThrows<BimerException.OutOfRange> { cal.isBusinessDay(LocalDate.of(2041, 1, 1)) }
        assertEquals("calendar_out_of_range", e.code)
        assertEquals("2041-01-01", e.date)
        assertEquals("2004-01-01", e.first)
        assertEquals("2040-12-31", e.last)
        assertThrows<BimerException.OutOfRange> { cal.holidays(2003) }
    }

    @Test
    fun `a LocalDate chrono cannot hold is a typed error, not a crash`() {
        // LocalDate reaches year 999,999,999; chrono's NaiveDate stops at 262,143.
        val e = assertThrows<BimerException> { cal.isBusinessDay(LocalDate.of(300_000, 1, 1)) }
        assertEquals("invalid_date", e.code, e.message)
    }

    @Test
    fun `law not in force`() {
        val e = assertThrows<BimerException.LawNotInForce> {
            deadlineFor(cal, Procedure.TIHEK, LocalDate.of(2016, 4, 19))
        }
        assertEquals("law_not_in_force", e.code)
        assertEquals("tihek", e.procedure)
        assertEquals("2016-04-20", e.validFrom)
        assertEquals("6701 m.18", e.citation)
    }

    @Test
    fun `bad period, procedure, province and patch`() {
        assertEquals("invalid_period", assertThrows<BimerException.InvalidInput> { parsePeriod("15x") }.code)
        assertEquals("unknown_procedure", assertThrows<BimerException.InvalidInput> { procedureFromCode("appeal") }.code)
        val e = assertThrows<BimerException.InvalidInput> {
            cal.withPolicy(Policy(HalfDayPolicy.WORKING_DAY, AdministrativeLeavePolicy.Holiday(province = "Atlantis")))
        }
        assertEquals("unknown_province", e.code)
        assertEquals("invalid_calendar_patch", assertThrows<BimerException.InvalidInput> { cal.patchedJson("[") }.code)
        val outside = assertThrows<BimerException.InvalidCalendarData> {
            cal.patchedJson("""{"holidays": [{"date": "2050-01-02", "name_tr": "X", "name_en": "X"}]}""")
        }
        assertEquals("invalid_calendar_data", outside.code)
    }

    @Test
    fun `errors are exceptions of one sealed hierarchy`() {
        val e: Exception = assertThrows<BimerException> { parsePeriod("") }
        assertTrue(e is BimerException.InvalidInput)
    }
}
