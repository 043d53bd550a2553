import Testing
import TenderModel

@Suite("Reported")
struct ReportedTests {
    private let withholding = Withholding(field: "win-ten-val", reasonCode: "oth-int",
                                          releaseDate: CalendarDate(year: 2030, month: 1, day: 1))

    @Test("known gives its value")
    func known() {
        let reported = Reported.known(42)
        #expect(reported.value == 42)
        #expect(!reported.isWithheld)
        #expect(!reported.isUnknown)
    }

    @Test("withheld has no value")
    func withheld() {
        let reported = Reported<Int>.withheld(withholding)
        #expect(reported.value == nil)
        #expect(reported.isWithheld)
        #expect(!reported.isUnknown)
    }

    @Test("unknown has no value")
    func unknown() {
        let reported = Reported<Int>.unknown
        #expect(reported.value == nil)
        #expect(!reported.isWithheld)
        #expect(reported.isUnknown)
    }

    @Test("map transforms a known value and keeps the other cases")
    func map() {
        #expect(Reported.known(21).map { $0 * 2 } == .known(42))
        #expect(Reported.known(7).map(String.init) == .known("7"))
        #expect(Reported<Int>.withheld(withholding).map(String.init) == .withheld(withholding))
        #expect(Reported<Int>.unknown.map(String.init) == .unknown)

        var calls = 0
        _ = Reported<Int>.unknown.map { value -> Int in
            calls += 1
            return value
        }
        _ = Reported<Int>.withheld(withholding).map { value -> Int in
            calls += 1
            return value
        }
        #expect(calls == 0)
    }

    @Test("or replaces only unknown")
    func or() {
        let other = Reported.known(2)
        #expect(Reported.known(1).or(other) == .known(1))
        #expect(Reported<Int>.unknown.or(other) == .known(2))
        #expect(Reported<Int>.unknown.or(.unknown) == .unknown)
        #expect(Reported<Int>.unknown.or(.withheld(withholding)) == .withheld(withholding))
        // A withheld fact is not missing: it is not replaced.
        #expect(Reported<Int>.withheld(withholding).or(other) == .withheld(withholding))
    }

    @Test("init from an optional: nil is unknown, never zero")
    func initFromOptional() {
        #expect(Reported<Int>(Optional(0)) == .known(0))
        #expect(Reported<Int>(Optional(5)) == .known(5))
        #expect(Reported<Int>(nil) == .unknown)
        let amount: DecimalNumber? = DecimalNumber("0.00")
        #expect(Reported(amount).value?.description == "0.00")
    }

    @Test("withholding details take part in equality")
    func withholdingEquality() {
        let plain = Withholding(field: "win-ten-val")
        #expect(plain.reasonCode == nil)
        #expect(plain.releaseDate == nil)
        #expect(Reported<Int>.withheld(plain) != .withheld(withholding))
        #expect(Reported<Int>.withheld(plain) == .withheld(Withholding(field: "win-ten-val")))
        #expect(Reported<Int>.withheld(plain) != .unknown)
        #expect(Reported.known(1) != .known(2))
    }
}
