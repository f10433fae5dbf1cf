package tr.gov.bimer

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.io.File

/** The shared golden vectors of `tests/vectors/` (the Rust, Python and Swift suites read the same files). */
object Vectors {
    val mapper = ObjectMapper()

    val dir: File = File(
        System.getProperty("bimer.vectors.dir")
            ?: error("system property bimer.vectors.dir is not set (see pom.xml)"),
    )

    /** The `.json` files of `triage/`, sorted by name: (file name, vector). */
    val triage: List<Pair<String, JsonNode>> by lazy {
        val files = File(dir, "triage").listFiles { f -> f.name.endsWith(".json") }
            ?: error("no triage vectors in $dir/triage")
        files.sortedBy { it.name }.map { it.name to mapper.readTree(it) }
    }

    /** The `.json` files of `lifecycle/`, sorted by name: (file name, vector). */
    val lifecycle: List<Pair<String, JsonNode>> by lazy {
        val files = File(dir, "lifecycle").listFiles { f -> f.name.endsWith(".json") }
            ?: error("no lifecycle vectors in $dir/lifecycle")
        files.sortedBy { it.name }.map { it.name to mapper.readTree(it) }
    }

    /** `deadlines.jsonl`: one vector a line. */
    val deadlines: List<JsonNode> by lazy {
        File(dir, "deadlines.jsonl").readLines().filter { it.isNotBlank() }.map { mapper.readTree(it) }
    }

    fun tree(json: String): JsonNode = mapper.readTree(json)
}

/** The stable code carried by every variant of the public error. */
val BimerException.code: String
    get() = when (this) {
        is BimerException.InvalidInput -> code
        is BimerException.OutOfRange -> code
        is BimerException.LawNotInForce -> code
        is BimerException.LifecycleViolation -> code
        is BimerException.InvalidCalendarData -> code
        is BimerException.Other -> code
    }
