package tr.gov.bimer

import com.fasterxml.jackson.databind.JsonNode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.time.LocalDate

/**
 * Every golden triage vector gives, through the Kotlin bindings, exactly the decision the Rust
 * suite checks: the JSON API's whole decision and the typed API's whole decision (converted back
 * to the wire format) equal the vector's `decision` as parsed JSON trees, and the typed fields
 * match the hand-written `expect`.
 */
class TriageVectorsTest {
    private val engine = Engine()

    @Test
    fun `there are enough vectors`() {
        assertTrue(Vectors.triage.size >= 45, "only ${Vectors.triage.size} triage vectors")
    }

    @TestFactory
    fun `JSON API gives the golden decision`(): List<DynamicTest> = Vectors.triage.map { (name, v) ->
        DynamicTest.dynamicTest("json $name") {
            val app = v["application"].toString()
            assertEquals(v["decision"], Vectors.tree(triageJson(app)), "$name: triageJson")
            assertEquals(v["decision"], Vectors.tree(engine.triageJson(app)), "$name: Engine.triageJson")
        }
    }

    @TestFactory
    fun `typed API gives the golden decision`(): List<DynamicTest> = Vectors.triage.map { (name, v) ->
        DynamicTest.dynamicTest("typed $name") {
            val app: Application = applicationFromJson(v["application"].toString())
            val decision: Decision = triage(app)
            assertEquals(v["decision"], Vectors.tree(decisionToJson(decision)), "$name: typed decision")
            assertEquals(decision, engine.triage(app), "$name: Engine.triage")
            checkExpect(name, decision, v["expect"])
        }
    }

    private fun checkExpect(name: String, d: Decision, expect: JsonNode) {
        assertEquals(expect["admissible"].booleanValue(), d.admissible, "$name: admissible")
        assertEquals(
            expect["codes"].map { it.textValue() }.toSet(),
            d.findings.map { it.code }.toSet(),
            "$name: finding codes",
        )
        val route = expect["route"]
        if (route.isNull) {
            assertNull(d.route, "$name: route")
        } else {
            val r = d.route!!
            assertEquals(route["authority"].textValue(), Vectors.tree(decisionToJson(d))["route"]["authority"].textValue())
            assertEquals(route["authority"].textValue().uppercase(), r.authority.name, "$name: authority")
            assertEquals(route["institution"]?.textValue(), r.institution, "$name: institution")
            assertEquals(route["unit"]?.textValue(), r.unit, "$name: unit")
        }
        fun date(node: JsonNode?): LocalDate? = node?.takeIf { !it.isNull }?.let { LocalDate.parse(it.textValue()) }
        assertEquals(date(expect["due_on"]), d.deadline?.dueOn, "$name: due_on")
        assertEquals(date(expect["extendable_to"]), d.deadline?.extendableTo, "$name: extendable_to")
    }
}
