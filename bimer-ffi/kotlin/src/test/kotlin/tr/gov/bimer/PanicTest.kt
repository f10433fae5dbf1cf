package tr.gov.bimer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/**
 * A panic inside Rust (here the `test-hooks` build's `panic_for_tests`, which calls `panic!`)
 * is caught by uniffi at the FFI boundary and raised as an exception on the JVM: the host
 * process survives and the library stays usable.
 */
class PanicTest {
    @Test
    fun `a Rust panic is an exception, not a crash`() {
        val e = assertThrows<InternalException> { panicForTests("boom from Kotlin") }
        assertTrue(e.message!!.contains("boom from Kotlin"), e.message)
        // Still alive and still answering after the panic.
        assertEquals(LocalDate.of(2027, 1, 22), LegalCalendar.turkey().addBusinessDays(LocalDate.of(2026, 12, 31), 15u))
        assertThrows<InternalException> { panicForTests("again") }
    }
}
