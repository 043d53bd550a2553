/// A TOML integer or float token, checked against the TOML 1.0 grammar: `_` only between
/// digits, no leading zeros, digits on both sides of the point.
enum TOMLNumber: Equatable {
    case integer(Int)
    /// The value and the token without `_` (so decimals can be read exactly).
    case float(Double, text: String)
    /// An integer that does not fit in 64 bits.
    case outOfRange

    /// Nil when `token` is not a TOML number.
    init?(_ token: String) {
        var rest = Substring(token)
        var sign = ""
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            rest = rest.dropFirst()
        }
        switch rest {
        case "inf": self = .float(sign == "-" ? -.infinity : .infinity, text: token); return
        case "nan": self = .float(.nan, text: token); return
        default: break
        }
        if rest.count > 2, rest.hasPrefix("0"), let radix = ["x": 16, "o": 8, "b": 2][rest.dropFirst().first!] {
            guard token.first != "+", token.first != "-", let digits = Self.digits(rest.dropFirst(2), radix: radix) else {
                return nil
            }
            guard let value = Int(digits, radix: radix) else { self = .outOfRange; return }
            self = .integer(value)
            return
        }
        // Split into integer part, fraction and exponent.
        let exponentStart = rest.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = rest[..<(exponentStart ?? rest.endIndex)]
        let pointIndex = mantissa.firstIndex(of: ".")
        let integerPart = mantissa[..<(pointIndex ?? mantissa.endIndex)]
        guard let integerDigits = Self.digits(integerPart, radix: 10),
              integerDigits == "0" || !integerDigits.hasPrefix("0") else { return nil }
        var text = sign + integerDigits
        if let pointIndex {
            guard let fraction = Self.digits(mantissa[mantissa.index(after: pointIndex)...], radix: 10) else { return nil }
            text += "." + fraction
        }
        if let exponentStart {
            var exponent = rest[rest.index(after: exponentStart)...]
            var exponentSign = ""
            if let first = exponent.first, first == "+" || first == "-" {
                exponentSign = String(first)
                exponent = exponent.dropFirst()
            }
            guard let digits = Self.digits(exponent, radix: 10) else { return nil }
            text += "e" + exponentSign + digits
        }
        if pointIndex == nil, exponentStart == nil {
            guard let value = Int(text) else { self = .outOfRange; return }
            self = .integer(value)
        } else {
            guard let value = Double(text) else { return nil }
            self = .float(value, text: text)
        }
    }

    /// The digits without `_`, or nil when empty, when a `_` is not between two digits or a
    /// character is not a digit of `radix`.
    private static func digits(_ text: Substring, radix: Int) -> String? {
        var out = ""
        var previousWasDigit = false
        for character in text {
            if character == "_" {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard character.hexDigitValue.map({ $0 < radix }) == true else { return nil }
            out.append(character)
            previousWasDigit = true
        }
        return previousWasDigit ? out : nil
    }
}
