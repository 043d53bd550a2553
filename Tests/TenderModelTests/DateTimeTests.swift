import Testing
import TenderModel

@Suite("DateTime")
struct DateTimeTests {
    private func dateTime(_ date: String, _ time: String? = nil) throws -> DateTime {
        DateTime(date: try #require(CalendarDate(date)), time: try time.map { try #require(TimeOfDay($0)) })
    }

    @Test("description is the date, then T and the time when there is one")
    func description() throws {
        #expect(try dateTime("2024-03-01").description == "2024-03-01")
        #expect(try dateTime("2024-03-01+01:00", "12:00:00+01:00").description == "2024-03-01T12:00:00+01:00")
        #expect(try dateTime("2024-03-01", "9:00").description == "2024-03-01T09:00:00")
        #expect(try dateTime("2024-12-31Z", "23:59:59Z").description == "2024-12-31T23:59:59Z")
    }

    @Test("orders by date first, then time")
    func ordering() throws {
        let expected = try [
            dateTime("2024-02-29", "23:59:59"),
            dateTime("2024-03-01"),
            dateTime("2024-03-01", "00:00:01"),
            dateTime("2024-03-01", "10:00:00+01:00"),
            dateTime("2024-03-01", "12:00:00Z"),
            dateTime("2024-03-02", "00:00:00"),
        ]
        #expect(expected.reversed().sorted() == expected)
        for (earlier, later) in zip(expected, expected.dropFirst()) {
            #expect(earlier < later)
            #expect(!(later < earlier))
        }
        // A later date wins whatever the times.
        #expect(try dateTime("2024-03-01", "23:59:59") < dateTime("2024-03-02", "00:00:00"))
        #expect(try dateTime("2024-03-01", "23:59:59") < dateTime("2024-03-02"))
    }

    @Test("the time's offset is not applied")
    func offsetNotApplied() throws {
        // 12:00+14:00 is 22:00Z the day before; as written it is still noon on 1 March.
        #expect(try dateTime("2024-03-01", "11:00:00Z") < dateTime("2024-03-01", "12:00:00+14:00"))
    }

    @Test("equality compares date and time as written")
    func equality() throws {
        #expect(try dateTime("2024-03-01Z", "12:00:00Z") == dateTime("2024-03-01+02:00", "12:00Z"))
        #expect(try dateTime("2024-03-01", "12:00:00Z") != dateTime("2024-03-01", "12:00:00+01:00"))
        #expect(try dateTime("2024-03-01") != dateTime("2024-03-01", "00:00:00"))
    }
}
