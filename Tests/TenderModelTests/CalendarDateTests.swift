import Testing
import TenderModel

@Suite("CalendarDate")
struct CalendarDateTests {
    // MARK: Parsing

    @Test("an offset is validated but never moves the date", arguments: [
        "2024-03-01",
        "2024-03-01Z",
        "2024-03-01+14:00",
        "2024-03-01-11:00",
        "2024-03-01-14:00",
        "2024-03-01+00:00",
        "2024-03-01-00:00",
        "2024-03-01+05:30",
        " 2024-03-01+01:00\n",
        "\t2024-03-01Z\r\n",
    ])
    func offsetsNeverMoveTheDate(input: String) throws {
        let date = try #require(CalendarDate(input))
        #expect(date.components == (2024, 3, 1))
        #expect(date.description == "2024-03-01")
        #expect(date.daysSinceEpoch == 19783)
    }

    @Test("rejects days that do not exist", arguments: [
        "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-01-00", "2024-01-32",
        "2024-06-31", "2024-09-31", "2024-11-31", "1900-02-29", "2100-02-29", "0000-01-01",
    ])
    func rejectsInvalidDays(input: String) {
        #expect(CalendarDate(input) == nil)
    }

    @Test("leap years follow the Gregorian rules", arguments: [
        ("2024-02-29", true),
        ("2000-02-29", true),
        ("1600-02-29", true),
        ("1996-02-29", true),
        ("1900-02-29", false),
        ("2100-02-29", false),
        ("2023-02-29", false),
        ("2024-02-30", false),
    ])
    func leapYears(input: String, valid: Bool) {
        #expect((CalendarDate(input) != nil) == valid)
    }

    @Test("rejects malformed offsets and trailing bytes", arguments: [
        "2024-03-01+15:00", "2024-03-01-15:00", "2024-03-01+14:01", "2024-03-01-14:30",
        "2024-03-01+1:00", "2024-03-01+01:60", "2024-03-01+01:00x", "2024-03-01+0100",
        "2024-03-01+01", "2024-03-01+01:", "2024-03-01+", "2024-03-01-", "2024-03-01ZZ",
        "2024-03-01Zx", "2024-03-01z", "2024-03-01 Z", "2024-03-01 +01:00", "2024-03-01T00:00:00",
        "2024-03-01x", "2024-03-012",
    ])
    func rejectsBadOffsets(input: String) {
        #expect(CalendarDate(input) == nil)
    }

    @Test("rejects other shapes", arguments: [
        "", "   ", "2024-3-01", "2024-03-1", "24-03-01", "2024/03/01", "20240301", "2024-03",
        "02024-03-01", "-2024-03-01", "2024-O3-01", "01-03-2024", "2024 -03-01",
    ])
    func rejectsOtherShapes(input: String) {
        #expect(CalendarDate(input) == nil)
    }

    @Test("parse(_:) reads raw UTF-8 bytes")
    func parsesBytes() {
        let bytes = Array("2024-02-29+01:00".utf8)
        #expect(bytes.withUnsafeBufferPointer { CalendarDate.parse($0) } == CalendarDate(year: 2024, month: 2, day: 29))
        let invalid: [UInt8] = [0x32, 0x30, 0x32, 0x34, 0xFF]
        #expect(invalid.withUnsafeBufferPointer { CalendarDate.parse($0) } == nil)
    }

    // MARK: Construction

    @Test("init(year:month:day:) validates")
    func initFromComponents() throws {
        let date = try #require(CalendarDate(year: 2024, month: 2, day: 29))
        #expect(date.components == (2024, 2, 29))
        #expect(date.year == 2024)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 10000, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: -1) == nil)
        #expect(CalendarDate(year: 2024, month: 12, day: 32) == nil)
    }

    @Test("known days since the epoch", arguments: [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (1900, 1, 1, -25567),
        (2000, 3, 1, 11017),
        (2024, 2, 29, 19782),
        (2024, 3, 1, 19783),
        (2100, 12, 31, 47846),
        (1, 1, 1, -719_162),
        (9999, 12, 31, 2_932_896),
    ] as [(Int, Int, Int, Int32)])
    func knownEpochDays(year: Int, month: Int, day: Int, days: Int32) throws {
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(daysSinceEpoch: days).components == (year, month, day))
    }

    @Test("every day from 1900 to 2100 round-trips through daysSinceEpoch")
    func everyDayRoundTrips() throws {
        var expectedDays = try #require(CalendarDate(year: 1900, month: 1, day: 1)).daysSinceEpoch
        var checked = 0
        for year in 1900...2100 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            for month in 1...12 {
                for day in 1...monthLengths[month - 1] {
                    guard let date = CalendarDate(year: year, month: month, day: day) else {
                        Issue.record("\(year)-\(month)-\(day) rejected")
                        continue
                    }
                    if date.daysSinceEpoch != expectedDays {
                        Issue.record("\(date) is day \(date.daysSinceEpoch), expected \(expectedDays)")
                    }
                    let back = CalendarDate(daysSinceEpoch: date.daysSinceEpoch).components
                    if back != (year, month, day) {
                        Issue.record("\(year)-\(month)-\(day) came back as \(back)")
                    }
                    if CalendarDate(date.description) != date {
                        Issue.record("\(date) does not re-parse")
                    }
                    expectedDays += 1
                    checked += 1
                }
                #expect(CalendarDate(year: year, month: month, day: monthLengths[month - 1] + 1) == nil)
            }
        }
        #expect(checked == 73_414)
        #expect(expectedDays == 47847)
    }

    // MARK: Arithmetic

    @Test("days(to:) counts calendar days", arguments: [
        ("2024-02-28", "2024-03-01", 2),
        ("2023-02-28", "2023-03-01", 1),
        ("2023-12-31", "2024-01-01", 1),
        ("2024-01-01", "2025-01-01", 366),
        ("2023-01-01", "2024-01-01", 365),
        ("1899-12-31", "1900-03-01", 60),
        ("2000-02-28", "2000-03-01", 2),
        ("2024-01-31", "2024-02-01", 1),
        ("2024-03-01", "2024-03-01", 0),
        ("2024-03-01", "2024-02-28", -2),
        ("2025-01-01", "2024-01-01", -366),
        ("1970-01-01", "2000-01-01", 10957),
    ])
    func daysTo(from: String, to: String, days: Int) throws {
        let start = try #require(CalendarDate(from))
        let end = try #require(CalendarDate(to))
        #expect(start.days(to: end) == days)
        #expect(end.days(to: start) == -days)
    }

    @Test("adding(days:) moves on the calendar", arguments: [
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2024-12-31", 1, "2025-01-01"),
        ("2024-03-01", -1, "2024-02-29"),
        ("2023-03-01", -1, "2023-02-28"),
        ("2025-01-01", -1, "2024-12-31"),
        ("2024-03-01", 0, "2024-03-01"),
        ("2024-01-01", 366, "2025-01-01"),
        ("2024-01-01", -365, "2023-01-01"),
        ("1969-12-31", 1, "1970-01-01"),
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let date = try #require(CalendarDate(start))
        let moved = date.adding(days: days)
        #expect(moved.description == expected)
        #expect(date.days(to: moved) == days)
    }

    // MARK: Rendering and ordering

    @Test("description is zero-padded YYYY-MM-DD", arguments: [
        (2024, 3, 1, "2024-03-01"),
        (2024, 12, 31, "2024-12-31"),
        (5, 1, 2, "0005-01-02"),
        (999, 10, 9, "0999-10-09"),
        (1, 1, 1, "0001-01-01"),
        (9999, 12, 31, "9999-12-31"),
    ])
    func description(year: Int, month: Int, day: Int, expected: String) throws {
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        #expect(date.description == expected)
        #expect(CalendarDate(expected) == date)
    }

    @Test("orders chronologically")
    func ordering() throws {
        let expected = ["1899-12-31", "1900-01-01", "1969-12-31", "1970-01-01", "2023-12-31",
                        "2024-01-01", "2024-02-29", "2024-03-01", "2100-01-01"]
        let dates = try expected.map { try #require(CalendarDate($0)) }
        #expect(dates.reversed().sorted().map(\.description) == expected)
        for (earlier, later) in zip(dates, dates.dropFirst()) {
            #expect(earlier < later)
            #expect(!(later < earlier))
        }
        #expect(CalendarDate("2024-03-01Z") == CalendarDate("2024-03-01+14:00"))
        #expect(Set([CalendarDate("2024-03-01"), CalendarDate("2024-03-01-11:00")]).count == 1)
    }
}
