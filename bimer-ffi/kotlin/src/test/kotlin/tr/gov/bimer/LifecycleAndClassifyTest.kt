package tr.gov.bimer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** The lifecycle case and the classifier, driven from Kotlin. */
class LifecycleAndClassifyTest {
    private val cal = LegalCalendar.turkey()
    private fun d(y: Int, m: Int, day: Int) = LocalDate.of(y, m, day)

    @Test
    fun `an information request's life`() {
        val case = Case("BE-1", Category.INFORMATION_REQUEST, Authority.INSTITUTION, d(2025, 4, 14))
        assertEquals(Procedure.INFORMATION_REQUEST, case.procedure())
        // 15 business days, skipping 23 April and 1 May.
        assertEquals(d(2025, 5, 7), case.status(cal, d(2025, 4, 30)).dueOn)
        case.record(cal, Event.ExtensionNotified(d(2025, 5, 7), ExtensionReason.OTHER_UNIT))
        val extended = case.status(cal, d(2025, 5, 7))
        assertEquals(State.EXTENDED, extended.state)
        assertEquals(d(2025, 5, 29), extended.dueOn)
        // A second extension breaks 4982 m.11 and leaves the case as it was.
        val e = assertThrows<BimerException.LifecycleViolation> {
            case.record(cal, Event.ExtensionNotified(d(2025, 5, 8), ExtensionReason.OTHER_UNIT))
        }
        assertEquals("extension_twice", e.code)
        assertTrue(e.detail.startsWith("4982 m.11"), e.detail)
        assertEquals(1, case.events().size)
        case.record(cal, Event.Answered(d(2025, 5, 20), Outcome.REFUSED))
        case.record(cal, Event.RefusalNotified(d(2025, 5, 22), RefusalGround.OTHER))
        val status = case.status(cal, d(2025, 5, 22))
        assertEquals(State.ANSWERED, status.state)
        val next = status.nextDeadlineForApplicant!!
        assertEquals(ApplicantAction.OBJECT_TO_BEDK, next.action)
        // 15 days (4982 m.13) end on 6 June, in Kurban Bayramı: the next full business day is 10 June.
        assertEquals(d(2025, 6, 10), next.dueOn)
    }

    @Test
    fun `a case from a triaged application and a moved deadline`() {
        val app = applicationFromJson(
            """{"id": "H-1", "received_on": "2025-04-14", "category": "human_rights", "facts": {"deprived_of_liberty": true}}""",
        )
        val route = triage(app).route!!
        assertEquals(Authority.TIHEK, route.authority)
        assertEquals(Procedure.TIHEK, Case.fromApplication(app, route.authority).procedure())

        val case = Case.fromJson("""{"id": "BE-1", "category": "information_request", "authority": "institution", "received_on": "2025-04-14"}""")
        val after = cal.patchedJson("""{"holidays": [{"date": "2025-05-06", "name_tr": "Örnek", "name_en": "Example"}]}""")
        val moved = case.recompute(cal, after, d(2025, 5, 2))
        assertEquals(listOf(MovedDeadline("BE-1", DueKind.Body(Procedure.INFORMATION_REQUEST), d(2025, 5, 7), d(2025, 5, 8))), moved)
    }

    @Test
    fun `case errors are typed`() {
        val e = assertThrows<BimerException.InvalidInput> {
            Case("E-2", Category.ETHICS_COMPLAINT, Authority.INSTITUTION, d(2025, 4, 14))
        }
        assertEquals("invalid_case", e.code)
        assertEquals("authority", e.field)
        val bad = assertThrows<BimerException.InvalidInput> {
            Case.fromJson("""{"id": "A", "category": "petition", "authority": "institution", "received_on": "2025-04-14", "events": [{"event": "fee_paid", "on": "2025-04-31"}]}""")
        }
        assertEquals("events[0].on", bad.field)
        val case = Case("BE-2", Category.INFORMATION_REQUEST, Authority.INSTITUTION, d(2025, 4, 14))
        val amount = assertThrows<BimerException.InvalidInput> { case.record(cal, Event.FeeNotified(d(2025, 4, 15), "37.505")) }
        assertEquals("amount", amount.field)
        val early = assertThrows<BimerException.LifecycleViolation> { case.status(cal, d(2025, 4, 13)) }
        assertEquals("as_of_before_receipt", early.code)
    }

    @Test
    fun `classification of free text`() {
        val c = classify("", "Hastanede doktor bana kötü davrandı, şikayetçiyim")
        assertEquals(Category.PETITION, c.category)
        assertEquals(PetitionKind.COMPLAINT, c.petitionKind)
        assertEquals(Topic.HEALTH, c.topic)
        assertTrue(c.evidence.any { it.matched == "Hastanede" && it.label == "topic:health" }, c.evidence.toString())
        assertTrue(c.confidence in 0.0..1.0)
        // The JSON API says the same.
        val json = Vectors.tree(classifyJson("", "Hastanede doktor bana kötü davrandı, şikayetçiyim"))
        assertEquals("petition", json["category"].textValue())
        assertEquals(c.confidence, json["confidence"].doubleValue())
        assertEquals(c.evidence.size, json["evidence"].size())
        val info = classify("Bilgi edinme", "4982 sayılı Kanun uyarınca ihale kararlarının bir örneğini talep ediyorum.")
        assertEquals(Category.INFORMATION_REQUEST, info.category)
        assertFalse(info.needsReview)
        val classifier = Classifier()
        assertTrue(classifier.contradicts(Category.ETHICS_COMPLAINT, info))
        assertFalse(classifier.contradicts(Category.INFORMATION_REQUEST, info))
    }

    @Test
    fun `a deployment's own lexicon`() {
        val lexicon = "label,term,match,weight,note\n# a deployment's own terms\ntopic:energy,rüzgâr santrali,,3,\ntopic:other,*,,0.5,prior\n"
        assertEquals(Topic.ENERGY, Classifier.fromLexicon(lexicon).classify("", "RÜZGAR SANTRALİNİN gürültüsü").topic)
        val e = assertThrows<BimerException.InvalidInput> {
            Classifier.fromLexicon("label,term,match,weight,note\ntopic:space,x,,1,\n")
        }
        assertEquals("invalid_lexicon", e.code)
        assertEquals("line 2", e.field)
    }
}
