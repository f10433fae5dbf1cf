// The Swift suite of bimer's uniffi bindings: the shared golden vectors and
// the error and panic checks, against the generated `Bimer` module and
// libbimer_ffi.so. Compiled with swiftc and run by scripts/test-swift.sh.
//
//   main <vectors dir>      prints "swift: N passed, N failed", exits 1 on any failure
//
// Dates are `NaiveDate` = String ("YYYY-MM-DD") in Swift: Swift has no
// date-only type, and Foundation's Date is an instant, not a calendar day.

import Bimer
import Foundation

// MARK: - a tiny test harness

// Line-buffered, so that our lines and Rust's stderr (the expected panic
// message) come out in order when piped.
setvbuf(stdout, nil, _IOLBF, 0)

var passed = 0
var failed = 0

struct CheckFailure: Error, CustomStringConvertible {
    let description: String
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CheckFailure(description: message()) }
}

func expectEqual<T: Equatable>(_ got: T, _ want: T, _ what: String) throws {
    if got != want { throw CheckFailure(description: "\(what): got \(got), want \(want)") }
}

/// Runs one named check; any thrown error is a failure with its description.
func check(_ name: String, _ body: () throws -> Void) {
    do {
        try body()
        passed += 1
    } catch {
        failed += 1
        print("FAIL \(name): \(error)")
    }
}

/// The error a throwing call raised, or a failure when it returned.
func thrown<T>(_ what: String, _ body: () throws -> T) throws -> Error {
    do {
        let value = try body()
        throw CheckFailure(description: "\(what): expected an error, got \(value)")
    } catch let e as CheckFailure {
        throw e
    } catch {
        return error
    }
}

/// The stable code every BimerError variant carries.
func code(_ e: Error) -> String? {
    guard let e = e as? BimerError else { return nil }
    switch e {
    case let .InvalidInput(code, _, _, _): return code
    case let .OutOfRange(code, _, _, _, _): return code
    case let .LawNotInForce(code, _, _, _, _, _): return code
    case let .LifecycleViolation(code, _): return code
    case let .InvalidCalendarData(code, _): return code
    case let .Other(code, _): return code
    }
}

// MARK: - JSON trees, to compare whole decisions

indirect enum JSON: Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .number(n): try c.encode(n)
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }

    static func parse(_ text: String) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(text.utf8))
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    subscript(key: String) -> JSON {
        if case let .object(o) = self { return o[key] ?? .null }
        return .null
    }

    var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    var bool: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    var isNull: Bool { self == .null }
}

extension JSON: CustomStringConvertible {
    /// Compact JSON with sorted keys, for failure messages.
    var description: String { text }
}

// MARK: - the vectors

let args = CommandLine.arguments
guard args.count == 2 else {
    print("usage: \(args[0]) <tests/vectors dir>")
    exit(2)
}
let vectorsDir = URL(fileURLWithPath: args[1])

/// The `.json` files of one vector folder, sorted by name.
func readFolder(_ folder: String) throws -> [(String, JSON)] {
    let dir = vectorsDir.appendingPathComponent(folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        .filter { $0.hasSuffix(".json") }.sorted()
    return try names.map { name -> (String, JSON) in
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        return (name, try JSON.parse(text))
    }
}

func readDeadlines() throws -> [JSON] {
    let lines = try String(contentsOf: vectorsDir.appendingPathComponent("deadlines.jsonl"), encoding: .utf8)
        .split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    return try lines.map(JSON.parse)
}

var triageVectors: [(String, JSON)] = []
var deadlineVectors: [JSON] = []
var lifecycleVectors: [(String, JSON)] = []
check("read the golden vectors") {
    triageVectors = try readFolder("triage")
    deadlineVectors = try readDeadlines()
    lifecycleVectors = try readFolder("lifecycle")
    try expect(triageVectors.count >= 45, "only \(triageVectors.count) triage vectors")
    try expect(deadlineVectors.count >= 20, "only \(deadlineVectors.count) deadline vectors")
    try expect(lifecycleVectors.count >= 20, "only \(lifecycleVectors.count) lifecycle vectors")
}

// MARK: - triage vectors: JSON API and typed API give the golden decision

let engine = try! Engine()

for (name, v) in triageVectors {
    let app = v["application"].text
    check("json \(name)") {
        try expectEqual(try JSON.parse(try triageJson(json: app)), v["decision"], "\(name) triageJson")
        try expectEqual(try JSON.parse(try engine.triageJson(json: app)), v["decision"], "\(name) Engine.triageJson")
    }
    check("typed \(name)") {
        let typed = try applicationFromJson(json: app)
        let d = try triage(application: typed)
        try expectEqual(try JSON.parse(try decisionToJson(decision: d)), v["decision"], "\(name) typed decision")
        try expectEqual(try engine.triage(application: typed), d, "\(name) Engine.triage")
        let e = v["expect"]
        try expectEqual(d.admissible, e["admissible"].bool, "\(name) admissible")
        var want: Set<String> = []
        if case let .array(codes) = e["codes"] { want = Set(codes.compactMap { $0.string }) }
        try expectEqual(Set(d.findings.map { $0.code }), want, "\(name) codes")
        if e["route"].isNull {
            try expect(d.route == nil, "\(name): route \(String(describing: d.route)), want none")
        } else {
            try expectEqual(d.route?.institution, e["route"]["institution"].string, "\(name) institution")
            try expectEqual(d.route?.unit, e["route"]["unit"].string, "\(name) unit")
        }
        try expectEqual(d.deadline?.dueOn, e["due_on"].string, "\(name) due_on")
        try expectEqual(d.deadline?.extendableTo, e["extendable_to"].string, "\(name) extendable_to")
    }
}

// MARK: - deadline vectors

func policy(_ node: JSON) throws -> Policy {
    var p = try defaultPolicy()
    switch node["half_day"].string {
    case nil: break
    case "working_day_but_not_last_day": p.halfDay = .workingDayButNotLastDay
    case "working_day": p.halfDay = .workingDay
    case "holiday": p.halfDay = .holiday
    case let other: throw CheckFailure(description: "unknown half_day \(other!)")
    }
    switch node["administrative_leave"]["mode"].string {
    case nil, "ignore": break
    case "holiday": p.administrativeLeave = .holiday(province: node["administrative_leave"]["province"].string)
    case let other: throw CheckFailure(description: "unknown leave mode \(other!)")
    }
    return p
}

for v in deadlineVectors {
    let name = v["name"].string ?? "?"
    check("deadline \(name)") {
        let calendar = try LegalCalendar.turkey().withPolicy(policy: try policy(v["policy"]))
        let procedure = try procedureFromCode(code: v["procedure"].string!)
        let received = v["received_on"].string!
        if let error = v["error"].string {
            let e = try thrown(name) { try deadlineFor(calendar: calendar, procedure: procedure, startEventOn: received) }
            try expectEqual(code(e), error, "\(name) error code (\(e))")
        } else {
            let due = try deadlineFor(calendar: calendar, procedure: procedure, startEventOn: received)
            try expectEqual(due.dueOn, v["due_on"].string!, "\(name) due_on")
            try expectEqual(due.extendableTo, v["extendable_to"].string, "\(name) extendable_to")
            try expectEqual(due.citation, v["citation"].string!, "\(name) citation")
            try expectEqual(due.estimated, v["estimated"].bool ?? false, "\(name) estimated")
        }
    }
}

// MARK: - typed API built in Swift

check("typed application built in Swift") {
    let app = Application(
        id: "S-1", receivedOn: "2026-12-31", channel: .web, category: .informationRequest,
        subject: "İhale kararı", text: "2026 yılı ihale kararlarının bir örneğini talep ediyorum.",
        applicant: .person(name: "Ayşe Yılmaz", tckn: "10000000146", address: "Kızılay, Ankara"),
        target: Target(institution: "saglik_bakanligi", province: "ankara")
    )
    let d = try triage(application: app)
    try expectEqual(d.system, .cimer, "system")
    try expect(d.admissible, "admissible: \(d.findings)")
    try expectEqual(d.route?.authority, .institution, "authority")
    try expectEqual(d.route?.unit, "Ankara İl Sağlık Müdürlüğü", "unit")
    try expectEqual(d.deadline?.dueOn, "2027-01-22", "due_on")
    try expectEqual(d.deadline?.period, Period(length: 15, unit: .businessDays), "period")
    try expectEqual(try applicationFromJson(json: try applicationToJson(application: app)).target.province, "Ankara", "province normalised")
}

check("phone information request is blocked with its article") {
    let app = Application(
        id: "S-2", receivedOn: "2026-12-31", channel: .phone, category: .informationRequest,
        subject: "Bilgi", applicant: .person(name: "Ali Can", address: "Bolu")
    )
    let d = try triage(application: app)
    try expect(!d.admissible, "admissible")
    try expectEqual(d.findings.first?.code, "CHANNEL_NOT_WRITTEN", "code")
    try expectEqual(d.findings.first?.severity, .blocking, "severity")
    try expect(d.deadline == nil, "no deadline")
}

check("record defaults follow the wire format") {
    try expect(Facts().concernsApplicant, "concerns_applicant defaults to true")
    let app = Application(id: "S-3", receivedOn: "2026-01-05")
    try expect(app.applicant == nil && app.target == Target(), "defaults")
    try expect(!(try version()).isEmpty, "version")
}

// MARK: - calendar and deadlines with String dates

check("calendar arithmetic") {
    let cal = try LegalCalendar.turkey()
    try expect(!(try cal.isBusinessDay(date: "2027-01-01")), "Yılbaşı is not a business day")
    try expectEqual(try cal.dayKind(date: "2027-03-08"), .halfDay, "arife")
    try expectEqual(try cal.addBusinessDays(date: "2026-12-31", n: 15), "2027-01-22", "add 15")
    try expectEqual(try cal.businessDaysBetween(from: "2026-12-31", to: "2027-01-22"), 15, "between")
    try expectEqual(try cal.rollToFullBusinessDay(date: "2027-03-08"), "2027-03-12", "roll past the bayram")
    try expectEqual(try cal.range(), DateRange(first: "2004-01-01", last: "2040-12-31"), "range")
    try expect(try cal.holidays(year: 2027).contains { $0.date == "2027-10-28" && $0.halfDay }, "28 October half day")
    let strict = try cal.withPolicy(policy: Policy(halfDay: .holiday, administrativeLeave: .ignore))
    try expect(!(try strict.isBusinessDay(date: "2027-03-08")), "arife under HalfDayPolicy.holiday")
}

check("deadline explains itself") {
    let cal = try LegalCalendar.turkey()
    let due = try deadlineFor(calendar: cal, procedure: .informationRequest, startEventOn: "2027-02-15")
    try expectEqual(due.dueOn, "2027-03-12", "due")
    let why = try explainDeadline(calendar: cal, deadline: due)
    try expect(why.skipped.contains { $0.nameTr == "Ramazan Bayramı" }, "skipped bayram: \(why.skipped)")
    try expectEqual(try parsePeriod(text: "30d"), Period(length: 30, unit: .days), "period")
    try expectEqual(try periodRule(procedure: .tihek).extendableTo, Period(length: 6, unit: .months), "TİHEK")
}

// MARK: - errors are typed

check("unknown field names the field") {
    let e = try thrown("unknown field") { try triageJson(json: #"{"id": "A-2", "received_on": "2026-12-31", "chanel": "web"}"#) }
    guard case let BimerError.InvalidInput(code, field, _, _) = e else { throw CheckFailure(description: "got \(e)") }
    try expectEqual(code, "invalid_application", "code")
    try expectEqual(field, "chanel", "field")
}

check("a typed application is checked by the core") {
    let bad = Application(id: "S-4", receivedOn: "2026-01-05", target: Target(province: "Atlantis"))
    let e = try thrown("bad province") { try triage(application: bad) }
    guard case let BimerError.InvalidInput(_, field, _, _) = e else { throw CheckFailure(description: "got \(e)") }
    try expectEqual(field, "target.province", "field")
}

check("a malformed date string is invalid_date") {
    let cal = try LegalCalendar.turkey()
    for bad in ["2026-02-30", "31.12.2026", ""] {
        let e = try thrown(bad) { try cal.isBusinessDay(date: bad) }
        try expectEqual(code(e), "invalid_date", "\(bad) (\(e))")
    }
    let app = Application(id: "S-5", receivedOn: "2026-13-01")
    try expectEqual(code(try thrown("received_on") { try triage(application: app) }), "invalid_date", "received_on")
}

check("dates outside the calendar") {
    let cal = try LegalCalendar.turkey()
    let e = try thrown("2041") { try cal.isBusinessDay(date: "2041-01-01") }
    guard case let BimerError.OutOfRange(code, date, _, last, _) = e else { throw CheckFailure(description: "got \(e)") }
    try expectEqual(code, "calendar_out_of_range", "code")
    try expectEqual(date, "2041-01-01", "date")
    try expectEqual(last, "2040-12-31", "last")
}

check("law not in force") {
    let cal = try LegalCalendar.turkey()
    let e = try thrown("TİHEK 2016") { try deadlineFor(calendar: cal, procedure: .tihek, startEventOn: "2016-04-19") }
    guard case let BimerError.LawNotInForce(_, procedure, _, validFrom, citation, _) = e else { throw CheckFailure(description: "got \(e)") }
    try expectEqual(procedure, "tihek", "procedure")
    try expectEqual(validFrom, "2016-04-20", "valid_from")
    try expectEqual(citation, "6701 m.18", "citation")
}

check("bad period, procedure, province") {
    try expectEqual(code(try thrown("15x") { try parsePeriod(text: "15x") }), "invalid_period", "period")
    try expectEqual(code(try thrown("appeal") { try procedureFromCode(code: "appeal") }), "unknown_procedure", "procedure")
    let cal = try LegalCalendar.turkey()
    let p = Policy(halfDay: .workingDay, administrativeLeave: .holiday(province: "Atlantis"))
    try expectEqual(code(try thrown("Atlantis") { try cal.withPolicy(policy: p) }), "unknown_province", "province")
}

check("identity numbers never appear in errors") {
    let e = try thrown("tckn") {
        try triageJson(json: #"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","tckn":10000000146}}"#)
    }
    try expect(!"\(e)".contains("10000000146"), "error shows the number: \(e)")
}

// MARK: - lifecycle vectors: from JSON, and rebuilt event by event

let bundled = try! LegalCalendar.turkey()

for (name, v) in lifecycleVectors {
    let error = v["error"]
    check("lifecycle json \(name)") {
        let history = try Case.fromJson(json: v["case"].text)
        try expectEqual(try JSON.parse(try Case.fromJson(json: try history.toJson()).toJson()),
                        try JSON.parse(try history.toJson()), "\(name) round trip")
        if !error.isNull {
            let e = try thrown(name) { try history.status(calendar: bundled, asOf: try history.receivedOn()) }
            guard case let BimerError.LifecycleViolation(code, detail) = e else { throw CheckFailure(description: "\(name): got \(e)") }
            try expectEqual(code, error["code"].string!, "\(name) code")
            try expect(detail.hasPrefix(error["message_starts_with"].string!), "\(name): \(detail)")
        } else {
            guard case let .array(steps) = v["statuses"] else { throw CheckFailure(description: "\(name): no statuses") }
            for step in steps {
                let asOf = step["as_of"].string!
                let want = step["status"]
                try expectEqual(try JSON.parse(try history.statusJson(calendar: bundled, asOf: asOf)), want, "\(name) \(asOf)")
                let s = try history.status(calendar: bundled, asOf: asOf)
                try expectEqual(s.dueOn, want["due_on"].string, "\(name) \(asOf) due_on")
                try expectEqual(s.overdue, want["overdue"].bool!, "\(name) \(asOf) overdue")
            }
        }
    }
    check("lifecycle typed \(name)") {
        let stored = try Case.fromJson(json: v["case"].text)
        let rebuilt = try Case(id: try stored.id(), category: try stored.category(),
                               authority: try stored.authority(), receivedOn: try stored.receivedOn())
        try rebuilt.setPolicy(policy: try stored.policy())
        var failure: Error? = nil
        for event in try stored.events() {
            do { try rebuilt.record(calendar: bundled, event: event) } catch { failure = error; break }
        }
        if !error.isNull {
            let e = try failure ?? thrown(name) { try rebuilt.status(calendar: bundled, asOf: try rebuilt.receivedOn()) }
            try expectEqual(code(e), error["code"].string, "\(name) code (\(e))")
        } else {
            if let failure = failure { throw CheckFailure(description: "\(name): \(failure)") }
            try expectEqual(try rebuilt.events(), try stored.events(), "\(name) events")
            guard case let .array(steps) = v["statuses"] else { throw CheckFailure(description: "\(name): no statuses") }
            for step in steps {
                let asOf = step["as_of"].string!
                try expectEqual(try JSON.parse(try rebuilt.statusJson(calendar: bundled, asOf: asOf)), step["status"], "\(name) \(asOf)")
                try expectEqual(try rebuilt.status(calendar: bundled, asOf: asOf), try stored.status(calendar: bundled, asOf: asOf), "\(name) \(asOf)")
            }
        }
    }
}

check("an information request's life") {
    let c = try Case(id: "BE-1", category: .informationRequest, authority: .institution, receivedOn: "2025-04-14")
    try expectEqual(try c.status(calendar: bundled, asOf: "2025-04-30").dueOn, "2025-05-07", "15 business days")
    try c.record(calendar: bundled, event: .extensionNotified(on: "2025-05-07", reason: .otherUnit))
    try expectEqual(try c.status(calendar: bundled, asOf: "2025-05-07").state, .extended, "extended")
    let e = try thrown("second extension") {
        try c.record(calendar: bundled, event: .extensionNotified(on: "2025-05-08", reason: .otherUnit))
    }
    try expectEqual(code(e), "extension_twice", "code (\(e))")
    try expectEqual(try c.events().count, 1, "case unchanged")
    try c.record(calendar: bundled, event: .answered(on: "2025-05-20", outcome: .refused))
    try c.record(calendar: bundled, event: .refusalNotified(on: "2025-05-22", ground: .other))
    let next = try c.status(calendar: bundled, asOf: "2025-05-22").nextDeadlineForApplicant
    try expectEqual(next?.action, .objectToBedk, "action")
    try expectEqual(next?.dueOn, "2025-06-10", "objection period past Kurban Bayramı")
    let amount = try thrown("amount") { try c.record(calendar: bundled, event: .feeNotified(on: "2025-05-23", amount: "1,5")) }
    try expectEqual(code(amount), "invalid_case", "amount (\(amount))")
}

check("a moved deadline") {
    let c = try Case.fromJson(json: #"{"id": "BE-1", "category": "information_request", "authority": "institution", "received_on": "2025-04-14"}"#)
    let after = try bundled.patchedJson(patchJson: #"{"holidays": [{"date": "2025-05-06", "name_tr": "Örnek", "name_en": "Example"}]}"#)
    let moved = try c.recompute(before: bundled, after: after, asOf: "2025-05-02")
    try expectEqual(moved, [MovedDeadline(id: "BE-1", deadline: .body(procedure: .informationRequest), from: "2025-05-07", to: "2025-05-08")], "moved")
}

// MARK: - classification

check("classification of free text") {
    let text = "Hastanede doktor bana kötü davrandı, şikayetçiyim"
    let c = try classify(subject: "", text: text)
    try expectEqual(c.category, .petition, "category")
    try expectEqual(c.petitionKind, .complaint, "kind")
    try expectEqual(c.topic, .health, "topic")
    try expect(c.evidence.contains { $0.matched == "Hastanede" && $0.label == "topic:health" }, "evidence \(c.evidence)")
    let json = try JSON.parse(try classifyJson(subject: "", text: text))
    try expectEqual(json["category"].string, "petition", "json category")
    try expectEqual(json["confidence"], .number(c.confidence), "json confidence")
    let custom = try Classifier.fromLexicon(lexicon: "label,term,match,weight,note\ntopic:energy,rüzgâr santrali,,3,\ntopic:other,*,,0.5,prior\n")
    try expectEqual(try custom.classify(subject: "", text: "RÜZGAR SANTRALİNİN gürültüsü").topic, .energy, "own lexicon")
    let e = try thrown("lexicon") { try Classifier.fromLexicon(lexicon: "label,term,match,weight,note\ntopic:space,x,,1,\n") }
    guard case let BimerError.InvalidInput(code, field, _, _) = e else { throw CheckFailure(description: "got \(e)") }
    try expectEqual(code, "invalid_lexicon", "code")
    try expectEqual(field, "line 2", "field")
}

// MARK: - a panic in Rust is a thrown error, never a crash

check("a Rust panic is thrown as an error") {
    print("(the panic message on stderr that follows is expected)")
    let e = try thrown("panic") { try panicForTests(detail: "boom from Swift") }
    try expect(!(e is BimerError), "a panic is not a BimerError: \(e)")
    try expect("\(e)".contains("boom from Swift"), "panic message lost: \(e)")
    // Still alive and still answering after the panic.
    try expectEqual(try LegalCalendar.turkey().addBusinessDays(date: "2026-12-31", n: 15), "2027-01-22", "after the panic")
}

print("swift: \(passed) passed, \(failed) failed")
exit(failed == 0 && passed > 0 ? 0 : 1)
