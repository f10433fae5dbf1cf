package tr.gov.bimer

import com.fasterxml.jackson.databind.JsonNode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/**
 * `tests/vectors/lifecycle/`: each case history gives, through the bindings, exactly the statuses
 * (or the error) the Rust suite checks, both when read from JSON and when rebuilt in Kotlin event
 * by event with `Case.record`.
 */
class LifecycleVectorsTest {
    private val cal = LegalCalendar.turkey()

    @Test
    fun `there are enough vectors`() {
        assertTrue(Vectors.lifecycle.size >= 20, "only ${Vectors.lifecycle.size} lifecycle vectors")
    }

    private fun date(node: JsonNode): LocalDate = LocalDate.parse(node.textValue())

    @TestFactory
    fun `case histories from JSON`(): List<DynamicTest> = Vectors.lifecycle.map { (name, v) ->
        DynamicTest.dynamicTest("json $name") {
            val case = Case.fromJson(v["case"].toString())
            assertEquals(Vectors.tree(case.toJson()), Vectors.tree(Case.fromJson(case.toJson()).toJson()), name)
            val error = v["error"]
            if (error != null) {
                val e = assertThrows<BimerException.LifecycleViolation> { case.status(cal, case.receivedOn()) }
                assertEquals(error["code"].textValue(), e.code, "$name: ${e.detail}")
                assertTrue(e.detail.startsWith(error["message_starts_with"].textValue()), "$name: ${e.detail}")
            } else {
                for (step in v["statuses"]) {
                    val asOf = date(step["as_of"])
                    val want = step["status"]
                    assertEquals(want, Vectors.tree(case.statusJson(cal, asOf)), "$name $asOf")
                    val s = case.status(cal, asOf)
                    assertEquals(want["state"].textValue().uppercase(), s.state.name, "$name $asOf state")
                    assertEquals(want["due_on"].takeIf { !it.isNull }?.let(::date), s.dueOn, "$name $asOf due_on")
                    assertEquals(want["days_left"].takeIf { !it.isNull }?.longValue(), s.daysLeft, "$name $asOf")
                    assertEquals(want["overdue"].booleanValue(), s.overdue, "$name $asOf overdue")
                }
            }
        }
    }

    @TestFactory
    fun `case histories rebuilt event by event`(): List<DynamicTest> = Vectors.lifecycle.map { (name, v) ->
        DynamicTest.dynamicTest("typed $name") {
            val stored = Case.fromJson(v["case"].toString())
            val c = v["case"]
            val case = Case(
                c["id"].textValue(),
                Category.valueOf(c["category"].textValue().uppercase()),
                Authority.valueOf(c["authority"].textValue().uppercase()),
                date(c["received_on"]),
            )
            case.setPolicy(stored.policy())
            val error = v["error"]
            var failure: BimerException? = null
            for (event in stored.events()) {
                try {
                    case.record(cal, event)
                } catch (e: BimerException) {
                    failure = e
                    break
                }
            }
            if (error != null) {
                val e = failure ?: assertThrows<BimerException> { case.status(cal, case.receivedOn()) }
                assertTrue(e is BimerException.LifecycleViolation, "$name: $e")
                assertEquals(error["code"].textValue(), e.code, "$name: ${e.message}")
            } else {
                assertEquals(null, failure, name)
                assertEquals(stored.events(), case.events(), name)
                for (step in v["statuses"]) {
                    val asOf = date(step["as_of"])
                    assertEquals(step["status"], Vectors.tree(case.statusJson(cal, asOf)), "$name $asOf")
                    assertEquals(stored.status(cal, asOf), case.status(cal, asOf), "$name $asOf")
                }
            }
        }
    }
}
