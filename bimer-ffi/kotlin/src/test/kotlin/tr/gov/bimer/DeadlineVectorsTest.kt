package tr.gov.bimer

import com.fasterxml.jackson.databind.JsonNode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** `tests/vectors/deadlines.jsonl` through the typed deadline API, errors included. */
class DeadlineVectorsTest {
    @Test
    fun `there are enough vectors`() {
        assertTrue(Vectors.deadlines.size >= 20, "only ${Vectors.deadlines.size} deadline vectors")
    }

    /** The vector's `policy` (wire form) as the typed record; absent means the default. */
    private fun policy(node: JsonNode?): Policy {
        val default = defaultPolicy()
        if (node == null) return default
        val halfDay = node["half_day"]?.let { HalfDayPolicy.valueOf(it.textValue().uppercase()) } ?: default.halfDay
        val leave = node["administrative_leave"]?.let {
            when (val mode = it["mode"].textValue()) {
                "ignore" -> AdministrativeLeavePolicy.Ignore
                "holiday" -> AdministrativeLeavePolicy.Holiday(province = it["province"]?.textValue())
                else -> error("unknown leave mode $mode")
            }
        } ?: default.administrativeLeave
        return Policy(halfDay = halfDay, administrativeLeave = leave)
    }

    @TestFactory
    fun `deadline vectors`(): List<DynamicTest> = Vectors.deadlines.map { v ->
        val name = v["name"].textValue()
        DynamicTest.dynamicTest(name) {
            val calendar = LegalCalendar.turkey().withPolicy(policy(v["policy"]))
            val procedure = procedureFromCode(v["procedure"].textValue())
            assertEquals(v["procedure"].textValue().uppercase(), procedure.name)
            val received = LocalDate.parse(v["received_on"].textValue())
            val error = v["error"]?.textValue()
            if (error != null) {
                val e = assertThrows<BimerException> { deadlineFor(calendar, procedure, received) }
                assertEquals(error, e.code, "$name: ${e.message}")
            } else {
                val due = deadlineFor(calendar, procedure, received)
                assertEquals(LocalDate.parse(v["due_on"].textValue()), due.dueOn, name)
                assertEquals(v["extendable_to"]?.textValue()?.let(LocalDate::parse), due.extendableTo, name)
                assertEquals(v["citation"].textValue(), due.citation, name)
                assertEquals(v["estimated"]?.booleanValue() ?: false, due.estimated, name)
                assertEquals(received, due.startEventOn, name)
            }
        }
    }
}
