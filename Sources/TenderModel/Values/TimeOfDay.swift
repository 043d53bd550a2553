/// A time of day as written (`12:00:00+01:00`, `09:30:00.0000000Z`, `9:00`).
///
/// Fractions of a second are dropped; the offset is kept for display, never applied.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since midnight, 0...86400 (24:00:00, the end of the day, is read as 86400).
    public let secondsSinceMidnight: Int32
    /// The offset in minutes east of UTC, or `nil` when none was written.
    public let offsetMinutes: Int16?

    public init?(hour: Int, minute: Int, second: Int = 0, offsetMinutes: Int? = nil) {
        guard (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              hour < 24 || (minute == 0 && second == 0),
              offsetMinutes.map({ (-14 * 60...14 * 60).contains($0) }) ?? true
        else { return nil }
        secondsSinceMidnight = Int32(hour * 3600 + minute * 60 + min(second, 59))
        self.offsetMinutes = offsetMinutes.map { Int16($0) }
    }

    public init?(_ text: String) {
        var text = text
        guard let time = text.withUTF8({ TimeOfDay.parse($0) }) else { return nil }
        self = time
    }

    /// Parses `hh:mm[:ss[.fraction]]` with an optional `Z` or `±hh:mm` offset; a one-digit
    /// hour (`9:00`, seen in legacy TED) is accepted.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> TimeOfDay? {
        var cursor = ByteCursor(bytes)
        let hour: Int
        if let twoDigits = cursor.digits(2) {
            hour = twoDigits
        } else if let oneDigit = cursor.digits(1) {
            hour = oneDigit
        } else {
            return nil
        }
        guard cursor.take(UInt8(ascii: ":")), let minute = cursor.digits(2) else { return nil }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.digits(2) else { return nil }
            second = value
            if cursor.take(UInt8(ascii: ".")) {
                guard cursor.skipDigits() > 0 else { return nil }
            }
        }
        guard let offset = cursor.timeZoneThenEnd() else { return nil }
        return TimeOfDay(hour: hour, minute: minute, second: second, offsetMinutes: offset.minutes)
    }

    public var hour: Int { Int(secondsSinceMidnight) / 3600 }
    public var minute: Int { Int(secondsSinceMidnight) / 60 % 60 }
    public var second: Int { Int(secondsSinceMidnight) % 60 }

    /// By wall-clock time; the same time with different offsets (which are not equal) is
    /// ordered by offset, no offset first, so that `<` agrees with `==`.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        if lhs.secondsSinceMidnight != rhs.secondsSinceMidnight {
            return lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
        }
        return (lhs.offsetMinutes ?? .min) < (rhs.offsetMinutes ?? .min)
    }

    /// `hh:mm:ss` followed by the offset as `Z` or `±hh:mm` when one was written.
    public var description: String {
        var text = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if let offset = offsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                let magnitude = Int(offset.magnitude)
                text += (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
            }
        }
        return text
    }
}
