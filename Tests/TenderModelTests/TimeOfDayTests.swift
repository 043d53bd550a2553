import Testing
import TenderModel

@Suite("TimeOfDay")
struct TimeOfDayTests {
    // MARK: Parsing

    @Test("parses times with and without offsets", arguments: [
        // input, hour, minute, second, offset minutes
        ("12:00:00+01:00", 12, 0, 0, 60),
        ("12:00:00.000+03:00", 12, 0, 0, 180),
        ("12:00:00.0000000+03:00", 12, 0, 0, 180),
        ("09:30:00.0000000Z", 9, 30, 0, 0),
        ("23:59:59Z", 23, 59, 59, 0),
        ("9:00", 9, 0, 0, nil),
        ("9:05+02:00", 9, 5, 0, 120),
        ("00:00", 0, 0, 0, nil),
        ("00:00:00", 0, 0, 0, nil),
        ("10:15:30", 10, 15, 30, nil),
        ("10:15:30.5", 10, 15, 30, nil),
        ("10:15-11:00", 10, 15, 0, -660),
        ("10:15:00-00:30", 10, 15, 0, -30),
        ("10:15:00+14:00", 10, 15, 0, 840),
        ("10:15:00-14:00", 10, 15, 0, -840),
        ("10:15:00+05:45", 10, 15, 0, 345),
        (" 12:00:00Z\n", 12, 0, 0, 0),
    ] as [(String, Int, Int, Int, Int16?)])
    func parses(input: String, hour: Int, minute: Int, second: Int, offset: Int16?) throws {
        let time = try #require(TimeOfDay(input))
        #expect(time.hour == hour)
        #expect(time.minute == minute)
        #expect(time.second == second)
        #expect(time.offsetMinutes == offset)
        #expect(time.secondsSinceMidnight == Int32(hour * 3600 + minute * 60 + second))
    }

    @Test("24:00:00 is the end of the day")
    func endOfDay() throws {
        let time = try #require(TimeOfDay("24:00:00"))
        #expect(time.secondsSinceMidnight == 86400)
        #expect(time.hour == 24)
        #expect(time.minute == 0)
        #expect(time.description == "24:00:00")
        #expect(TimeOfDay("24:00") != nil)
        #expect(TimeOfDay("24:00:01") == nil)
        #expect(TimeOfDay("24:01") == nil)
        #expect(try #require(TimeOfDay("23:59:59")) < time)
    }

    @Test("a leap second is read as the last second of the minute")
    func leapSecond() throws {
        let time = try #require(TimeOfDay("23:59:60Z"))
        #expect(time.second == 59)
        #expect(time.description == "23:59:59Z")
    }

    @Test("rejects malformed times", arguments: [
        "", "  ", "25:00", "12:60", "12", "12:", "12:00:", "12:00:00.", "12:0", "1200",
        "12:00:0", "123:00", ":00", "12:00:60.5x", "12:00:61", "-1:00", "12:00:00+15:00",
        "12:00:00+14:01", "12:00:00+1:00", "12:00:00+01:60", "12:00:00+0100", "12:00:00ZZ",
        "12:00:00 Z", "12:00:00z", "12:00:00.+01:00", "12.00", "12:00:00,5", "T12:00:00",
        "12:00:00+01:00:00", "99:99",
    ])
    func rejectsInvalid(input: String) {
        #expect(TimeOfDay(input) == nil)
    }

    @Test("parse(_:) reads raw UTF-8 bytes")
    func parsesBytes() {
        let bytes = Array("08:15:00+02:00".utf8)
        let time = bytes.withUnsafeBufferPointer { TimeOfDay.parse($0) }
        #expect(time?.description == "08:15:00+02:00")
        let invalid: [UInt8] = [0x31, 0x32, 0x3A, 0xFF, 0x30]
        #expect(invalid.withUnsafeBufferPointer { TimeOfDay.parse($0) } == nil)
    }

    // MARK: Construction

    @Test("init(hour:minute:second:offsetMinutes:) validates")
    func initFromComponents() {
        #expect(TimeOfDay(hour: 12, minute: 30)?.description == "12:30:00")
        #expect(TimeOfDay(hour: 12, minute: 30, second: 15, offsetMinutes: 60)?.description == "12:30:15+01:00")
        #expect(TimeOfDay(hour: -1, minute: 0) == nil)
        #expect(TimeOfDay(hour: 25, minute: 0) == nil)
        #expect(TimeOfDay(hour: 12, minute: 60) == nil)
        #expect(TimeOfDay(hour: 12, minute: -1) == nil)
        #expect(TimeOfDay(hour: 12, minute: 0, second: 61) == nil)
        #expect(TimeOfDay(hour: 24, minute: 0, second: 1) == nil)
        #expect(TimeOfDay(hour: 24, minute: 0)?.secondsSinceMidnight == 86400)
        #expect(TimeOfDay(hour: 12, minute: 0, offsetMinutes: 840)?.offsetMinutes == 840)
        #expect(TimeOfDay(hour: 12, minute: 0, offsetMinutes: -840)?.offsetMinutes == -840)
    }

    @Test("an offset outside ±14:00 is rejected, not trapped on", arguments: [841, -841, 100_000, Int.min, Int.max])
    func rejectsOutOfRangeOffset(offset: Int) {
        #expect(TimeOfDay(hour: 12, minute: 0, offsetMinutes: offset) == nil)
    }

    // MARK: Rendering

    @Test("description is hh:mm:ss plus the offset when one was written", arguments: [
        ("12:00:00+01:00", "12:00:00+01:00"),
        ("23:59:59Z", "23:59:59Z"),
        ("9:00", "09:00:00"),
        ("12:00", "12:00:00"),
        ("12:00:00.0000000+03:00", "12:00:00+03:00"),
        ("07:05:03-11:00", "07:05:03-11:00"),
        ("07:05:03-00:30", "07:05:03-00:30"),
        ("07:05:03-09:45", "07:05:03-09:45"),
        ("07:05:03+05:30", "07:05:03+05:30"),
        ("00:00:00+00:00", "00:00:00Z"),
        ("00:00:00-00:00", "00:00:00Z"),
    ])
    func description(input: String, expected: String) throws {
        let time = try #require(TimeOfDay(input))
        #expect(time.description == expected)
        #expect(TimeOfDay(expected) == time)
    }

    // MARK: Equality and ordering

    @Test("equality includes the offset as written")
    func equality() {
        #expect(TimeOfDay("12:00:00+01:00") == TimeOfDay("12:00+01:00"))
        #expect(TimeOfDay("12:00:00.123Z") == TimeOfDay("12:00:00Z"))
        #expect(TimeOfDay("12:00:00+01:00") != TimeOfDay("12:00:00Z"))
        #expect(TimeOfDay("12:00:00") != TimeOfDay("12:00:00Z"))
    }

    @Test("orders by wall-clock time; the offset is never applied")
    func ordering() throws {
        let expected = ["00:00:00", "09:00:00", "09:00:01", "09:01:00", "12:00:00-11:00", "23:59:59", "24:00:00"]
        let times = try expected.map { try #require(TimeOfDay($0)) }
        #expect(times.reversed().sorted().map(\.description) == expected)
        // 12:00+14:00 is earlier in UTC than 11:00Z, but the offset is not applied.
        #expect(try #require(TimeOfDay("11:00:00Z")) < #require(TimeOfDay("12:00:00+14:00")))
    }

    @Test("ordering is total: the same wall time with different offsets still sorts one way")
    func orderingIsConsistentWithEquality() throws {
        let texts = ["12:00:00+01:00", "12:00:00Z", "12:00:00", "12:00:00-05:00", "12:00:00+14:00"]
        let times = try texts.map { try #require(TimeOfDay($0)) }
        for a in times {
            for b in times {
                let relations = [a < b, a == b, b < a].filter { $0 }.count
                #expect(relations == 1, "\(a) vs \(b)")
            }
        }
        #expect(times.sorted() == times.reversed().sorted())
    }
}
