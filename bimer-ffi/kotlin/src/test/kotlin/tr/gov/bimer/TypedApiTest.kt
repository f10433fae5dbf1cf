package tr.gov.bimer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.LocalDate

/** Applications built in Kotlin, not read from JSON. */
class TypedApiTest {
    @Test
    fun `information request routed to the provincial unit`() {
        val app = Application(
            id = "K-1",
            receivedOn = LocalDate.of(2026, 12, 31),
            channel = Channel.WEB,
            category = Category.INFORMATION_REQUEST,
            subject = "İhale kararı",
            text = "2026 yılı ihale kararlarının bir örneğini talep ediyorum.",
            applicant = Applicant.Person(name = "Ayşe Yılmaz", tckn = "10000000146", address = "Kızılay, Ankara"),
            target = Target(institution = "saglik_bakanligi", province = "ankara"),
        )
        val d = triage(app)
        assertEquals("K-1", d.id)
        assertEquals(ApplicationSystem.CIMER, d.system)
        assertEquals(CategorySource.DECLARED, d.categorySource)
        assertTrue(d.admissible, d.findings.toString())
        assertEquals(Authority.INSTITUTION, d.route?.authority)
        assertEquals("Ankara İl Sağlık Müdürlüğü", d.route?.unit)
        assertEquals(LocalDate.of(2027, 1, 22), d.deadline?.dueOn)
        assertEquals(LocalDate.of(2027, 2, 12), d.deadline?.extendableTo)
        assertEquals(Period(15u, PeriodUnit.BUSINESS_DAYS), d.deadline?.period)
        assertEquals("4982 m.11", d.deadline?.citation)
        // The core reads what Kotlin built: the province comes back normalised.
        assertEquals("Ankara", applicationFromJson(applicationToJson(app)).target.province)
    }

    @Test
    fun `information request by phone is blocked with its article`() {
        val app = Application(
            id = "K-2",
            receivedOn = LocalDate.of(2026, 12, 31),
            channel = Channel.PHONE,
            category = Category.INFORMATION_REQUEST,
            subject = "Bilgi",
            applicant = Applicant.Person(name = "Ali Can", address = "Bolu"),
        )
        val d = triage(app)
        assertFalse(d.admissible)
        val f = d.findings.first()
        assertEquals("CHANNEL_NOT_WRITTEN", f.code)
        assertEquals(Severity.BLOCKING, f.severity)
        assertEquals("4982 m.6 (written or electronic application)", f.citation)
        assertEquals(null, d.deadline)
    }

    @Test
    fun `anonymous complaint owes no answer`() {
        val app = Application(
            id = "K-3",
            receivedOn = LocalDate.of(2025, 3, 3),
            channel = Channel.WEB,
            category = Category.PETITION,
            petitionKind = PetitionKind.COMPLAINT,
            subject = "Şikâyet",
            text = "Mahallemizdeki çöpler toplanmıyor.",
            applicant = Applicant.Anonymous,
        )
        val d = triage(app)
        assertTrue(d.findings.any { it.code == "ANONYMOUS_NO_ANSWER" && it.severity == Severity.INFO })
        assertEquals(null, d.deadline)
    }

    @Test
    fun `reciprocity list of an engine`() {
        val app = Application(
            id = "K-4",
            receivedOn = LocalDate.of(2019, 9, 16),
            channel = Channel.WEB,
            category = Category.PETITION,
            petitionKind = PetitionKind.REQUEST,
            subject = "Sahil yürüyüş yolu",
            text = "Sahil yürüyüş yolunun uzatılmasını rica ediyorum.",
            applicant = Applicant.Person(
                name = "Ingrid Vollmerhaus", ykn = "99563212210", nationality = "DE",
                residentInTurkey = true, address = "Kestel Mahallesi, Alanya/Antalya",
            ),
            target = Target(institution = "valilik", province = "Antalya", district = "Alanya"),
        )
        val plain = Engine().triage(app)
        assertTrue(plain.findings.any { it.code == "RECIPROCITY_UNVERIFIED" }, plain.findings.toString())
        val withDe = Engine.withOptions(LegalCalendar.turkey(), listOf("DE"))
        assertFalse(withDe.triage(app).findings.any { it.code == "RECIPROCITY_UNVERIFIED" })
    }

    @Test
    fun `records have the wire defaults`() {
        val facts = Facts()
        assertTrue(facts.concernsApplicant, "concerns_applicant defaults to true")
        assertFalse(facts.pendingInCourt)
        val app = Application(id = "K-5", receivedOn = LocalDate.of(2026, 1, 5))
        assertEquals(null, app.applicant)
        assertEquals(Target(), app.target)
        assertTrue(version().isNotEmpty())
    }
}
