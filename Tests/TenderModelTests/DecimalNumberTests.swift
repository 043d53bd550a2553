import Testing
import TenderModel

@Suite("DecimalNumber")
struct DecimalNumberTests {
    // MARK: Parsing

    @Test("parses xs:decimal lexical forms exactly", arguments: [
        // input, significand, scale, description
        ("95414", 95414, 0, "95414"),
        ("59299.64", 5_929_964, 2, "59299.64"),
        ("150000.00", 15_000_000, 2, "150000.00"),
        ("0.05", 5, 2, "0.05"),
        ("-12.50", -1250, 2, "-12.50"),
        ("+3", 3, 0, "3"),
        (".5", 5, 1, "0.5"),
        ("5.", 5, 0, "5"),
        ("000123.40", 12340, 2, "123.40"),
        ("0", 0, 0, "0"),
        ("0.00", 0, 2, "0.00"),
        ("-0", 0, 0, "0"),
        ("+.5", 5, 1, "0.5"),
        ("-.05", -5, 2, "-0.05"),
        ("-0.001", -1, 3, "-0.001"),
        ("100", 100, 0, "100"),
        ("1000.5", 10005, 1, "1000.5"),
        ("0.0500", 500, 4, "0.0500"),
        ("999999999999999999", 999_999_999_999_999_999, 0, "999999999999999999"),
        ("-999999999999999999", -999_999_999_999_999_999, 0, "-999999999999999999"),
        ("0.000000000000000001", 1, 18, "0.000000000000000001"),
        ("0.123456789012345678", 123_456_789_012_345_678, 18, "0.123456789012345678"),
        ("0000000000000000000000001", 1, 0, "1"),
    ] as [(String, Int64, UInt8, String)])
    func parsesValid(input: String, significand: Int64, scale: UInt8, description: String) throws {
        let value = try #require(DecimalNumber(input))
        #expect(value.significand == significand)
        #expect(value.scale == scale)
        #expect(value.description == description)
    }

    @Test("allows XML whitespace around the number", arguments: [
        (" 42.10", "42.10"),
        ("42.10 ", "42.10"),
        ("\t-7\r\n", "-7"),
        ("\n\n  150000.00  \n", "150000.00"),
    ])
    func whitespaceAround(input: String, description: String) throws {
        let value = try #require(DecimalNumber(input))
        #expect(value.description == description)
    }

    @Test("rejects everything that is not an xs:decimal", arguments: [
        "", "   ", "\n\t", "-", "+", ".", "-.", "+.", "+-1", "-+1", "--1", "1.2.3", "1..2",
        "1e5", "1E5", "1.5e3", "12,50", "1 000", "1\u{A0}000", "abc", "12a", "a12", "0x10",
        "NaN", "Infinity", "-inf", "1-", "1+", "- 5", "\u{0661}\u{0662}", "\u{FF11}", "1\u{A0}", "€12",
    ])
    func rejectsInvalid(input: String) {
        #expect(DecimalNumber(input) == nil)
    }

    @Test("rejects more than 18 significant digits", arguments: [
        "1234567890123456789",
        "1000000000000000000",
        "-1000000000000000000",
        "12345678901234567.89",
        "1.000000000000000001",
        "99999999999999999999999",
        "9223372036854775807",
        "18446744073709551616",
    ])
    func rejectsTooManyDigits(input: String) {
        #expect(DecimalNumber(input) == nil)
    }

    @Test("rejects a non-zero digit beyond 18 fractional places", arguments: [
        "0.0000000000000000001",
        "0.1234567890123456789",
        "-0.0000000000000000005",
        ".0000000000000000000000001",
    ])
    func rejectsTooManyFractionalDigits(input: String) {
        #expect(DecimalNumber(input) == nil)
    }

    @Test("tolerates trailing fractional zeros beyond the digit limit")
    func toleratesTrailingZeros() throws {
        let integer = try #require(DecimalNumber("123456789012345678.000"))
        #expect(integer == DecimalNumber(significand: 123_456_789_012_345_678))
        #expect(integer.description == "123456789012345678")

        let almostFull = try #require(DecimalNumber("12345678901234567.80"))
        #expect(almostFull.significand == 123_456_789_012_345_678)
        #expect(almostFull.scale == 1)

        // 1 and 17 zeros fill the 18 digits; the other zeros are dropped.
        let one = try #require(DecimalNumber("1.00000000000000000000000000"))
        #expect(one == DecimalNumber(1))
        #expect(one.scale == 17)
        #expect(one.description == "1.00000000000000000")

        let zero = try #require(DecimalNumber("0.000000000000000000000000000000"))
        #expect(zero.isZero)
        #expect(zero.scale == 18)

        let fractionThenZeros = try #require(DecimalNumber("0.000000000000000001000"))
        #expect(fractionThenZeros == DecimalNumber(significand: 1, scale: 18))
    }

    @Test("keeps trailing zeros as written while they fit")
    func keepsTrailingZerosAsWritten() throws {
        #expect(DecimalNumber("150000.000000")?.description == "150000.000000")
        #expect(DecimalNumber("1.00000000000000000")?.scale == 17)
        #expect(DecimalNumber("0.000000000000000000")?.scale == 18)
        // 17 significant digits and 2 written zeros: only one zero fits in 18 digits.
        let value = try #require(DecimalNumber("1234567890123456.700"))
        #expect(value.description == "1234567890123456.70")
    }

    @Test("parse(_:) reads raw UTF-8 bytes")
    func parsesBytes() {
        let bytes = Array(" -12.50 ".utf8)
        let value = bytes.withUnsafeBufferPointer { DecimalNumber.parse($0) }
        #expect(value?.description == "-12.50")

        let empty: [UInt8] = []
        #expect(empty.withUnsafeBufferPointer { DecimalNumber.parse($0) } == nil)

        let invalidUTF8: [UInt8] = [0x31, 0xFF, 0x32]
        #expect(invalidUTF8.withUnsafeBufferPointer { DecimalNumber.parse($0) } == nil)
    }

    // MARK: Construction and rendering

    @Test("renders significand and scale", arguments: [
        (12345, 2, "123.45"),
        (5, 3, "0.005"),
        (-5, 3, "-0.005"),
        (0, 2, "0.00"),
        (-1250, 2, "-12.50"),
        (100, 0, "100"),
        (1, 18, "0.000000000000000001"),
        (Int64.max, 0, "9223372036854775807"),
        (Int64.min, 0, "-9223372036854775808"),
        (Int64.min, 18, "-9.223372036854775808"),
    ] as [(Int64, UInt8, String)])
    func description(significand: Int64, scale: UInt8, expected: String) {
        #expect(DecimalNumber(significand: significand, scale: scale).description == expected)
    }

    @Test("init from Int")
    func initFromInt() {
        #expect(DecimalNumber(42).significand == 42)
        #expect(DecimalNumber(42).scale == 0)
        #expect(DecimalNumber(-3).description == "-3")
        #expect(DecimalNumber(0) == DecimalNumber("0.000"))
    }

    // MARK: Equality and hashing

    @Test("equality is numeric across scales")
    func equalityAcrossScales() throws {
        let one = try #require(DecimalNumber("1"))
        let onePointZero = try #require(DecimalNumber("1.0"))
        let onePointZeroZero = try #require(DecimalNumber("1.00"))
        #expect(onePointZero == onePointZeroZero)
        #expect(one == onePointZero)
        #expect(DecimalNumber("150000.00") == DecimalNumber(150_000))
        #expect(DecimalNumber("-12.50") == DecimalNumber("-12.5"))
        #expect(DecimalNumber("0") == DecimalNumber("-0.000"))
        #expect(DecimalNumber("1.5") != DecimalNumber("1.05"))
        #expect(DecimalNumber("1.5") != DecimalNumber("-1.5"))
        #expect(DecimalNumber("0.000000000000000001") != DecimalNumber("0"))
        // Equal values keep their own rendering.
        #expect(onePointZero.description == "1.0")
        #expect(onePointZeroZero.description == "1.00")
    }

    @Test("equal values hash equal")
    func equalValuesHashEqual() throws {
        let groups: [[String]] = [
            ["1", "1.0", "1.00", "+1.000000", "001"],
            ["0", "-0", "0.00", ".0", "-0.000000000000000000"],
            ["-12.5", "-12.50", "-012.500"],
            ["150000", "150000.00", "150000.0"],
        ]
        for group in groups {
            let values = try group.map { try #require(DecimalNumber($0)) }
            for value in values {
                #expect(value == values[0])
                #expect(value.hashValue == values[0].hashValue)
            }
        }
    }

    @Test("works as Set elements and dictionary keys")
    func setAndDictionary() throws {
        let inputs = ["1", "1.0", "1.00", "2", "2.000", "-2", "0", "0.0", "0.5", ".50"]
        let set = Set(try inputs.map { try #require(DecimalNumber($0)) })
        #expect(set.count == 5)
        #expect(set.contains(DecimalNumber(significand: 10, scale: 1)))
        #expect(set.contains(DecimalNumber(-2)))
        #expect(!set.contains(DecimalNumber(3)))

        var totals: [DecimalNumber: Int] = [:]
        for input in inputs { totals[try #require(DecimalNumber(input)), default: 0] += 1 }
        #expect(totals[DecimalNumber(1)] == 3)
        #expect(totals[DecimalNumber(significand: 5, scale: 1)] == 2)
        #expect(totals[DecimalNumber(0)] == 2)
    }

    // MARK: Ordering

    @Test("orders numerically across scales and signs")
    func ordering() throws {
        let expected = [
            "-999999999999999999", "-12.5", "-12.05", "-1", "-0.5", "-0.001", "0",
            "0.000000000000000001", "0.0001", "0.5", "0.50001", "1", "1.00000000000000001",
            "9.99", "10", "59299.64", "150000.00", "999999999999999999",
        ]
        let values = try expected.map { try #require(DecimalNumber($0)) }
        #expect(values.reversed().sorted().map(\.description) == expected)
        for (lower, higher) in zip(values, values.dropFirst()) {
            #expect(lower < higher)
            #expect(!(higher < lower))
            #expect(lower != higher)
        }
    }

    @Test("equal values are not less than each other")
    func orderingOfEqualValues() throws {
        let a = try #require(DecimalNumber("2.50"))
        let b = try #require(DecimalNumber("2.5"))
        #expect(!(a < b))
        #expect(!(b < a))
        #expect(a <= b && b <= a)
        #expect(try #require(DecimalNumber("0.999999999999999999")) < DecimalNumber(1))
        #expect(DecimalNumber(-1) < DecimalNumber(significand: -999_999_999_999_999_999, scale: 18))
    }

    // MARK: Derived values

    @Test("normalized drops trailing fractional zeros only", arguments: [
        ("150000.00", 150_000, 0, "150000"),
        ("0.500", 5, 1, "0.5"),
        ("0.00", 0, 0, "0"),
        ("-12.50", -125, 1, "-12.5"),
        ("100", 100, 0, "100"),
        ("1.000000000000000000", 1, 0, "1"),
        ("0.05", 5, 2, "0.05"),
    ] as [(String, Int64, UInt8, String)])
    func normalized(input: String, significand: Int64, scale: UInt8, description: String) throws {
        let value = try #require(DecimalNumber(input))
        let normal = value.normalized
        #expect(normal.significand == significand)
        #expect(normal.scale == scale)
        #expect(normal.description == description)
        #expect(normal == value)
    }

    @Test("doubleValue approximates the number", arguments: [
        ("59299.64", 59299.64),
        ("-12.50", -12.5),
        ("0.05", 0.05),
        (".5", 0.5),
        ("150000.00", 150_000),
        ("0", 0),
        ("0.000000000000000001", 1e-18),
    ])
    func doubleValue(input: String, expected: Double) throws {
        #expect(try #require(DecimalNumber(input)).doubleValue == expected)
    }

    @Test("isZero and isNegative")
    func zeroAndSign() {
        #expect(DecimalNumber("0.00")?.isZero == true)
        #expect(DecimalNumber("-0")?.isZero == true)
        #expect(DecimalNumber("0.01")?.isZero == false)
        #expect(DecimalNumber("-0.01")?.isNegative == true)
        #expect(DecimalNumber("-0")?.isNegative == false)
        #expect(DecimalNumber("0.01")?.isNegative == false)
    }

    @Test("scaled(to:) rescales exactly in 128 bits")
    func scaledTo() throws {
        #expect(try #require(DecimalNumber("1.5")).scaled(to: 3) == 1500)
        #expect(try #require(DecimalNumber("-12.50")).scaled(to: 2) == -1250)
        #expect(DecimalNumber(significand: .max).scaled(to: 18) == Int128(Int64.max) * 1_000_000_000_000_000_000)
    }

    // MARK: Robustness

    @Test("never crashes on random bytes, and what it returns round-trips")
    func randomBytes() {
        var generator = SeededGenerator(seed: 0xDEC1_4A1)
        let alphabet = Array("0123456789.+- \t\neE,x".utf8)
        var parsedCount = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...30, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? alphabet.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let value = bytes.withUnsafeBufferPointer { DecimalNumber.parse($0) }
            if let value {
                parsedCount += 1
                expectRoundTrip(value, input: bytes)
            }
        }
        #expect(parsedCount > 100)
    }

    @Test("random decimal strings parse as an independent reading says")
    func randomDecimalStrings() {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var parsedCount = 0
        for _ in 0..<20_000 {
            let text = Self.randomDecimalText(using: &generator)
            let value = DecimalNumber(text)
            let expected = ReferenceDecimal(text)
            #expect((value == nil) == (expected == nil), "\(text)")
            guard let value, let expected else { continue }
            parsedCount += 1
            #expect(value.normalized.description == expected.normalizedDescription, "\(text)")
            #expect(value.isNegative == expected.isNegative, "\(text)")
            if expected.keepsWrittenScale {
                #expect(Int(value.scale) == expected.writtenScale, "\(text)")
            }
            expectRoundTrip(value, input: Array(text.utf8))
        }
        // The generator must exercise both outcomes.
        #expect(parsedCount > 5_000)
        #expect(parsedCount < 19_000)
    }

    private func expectRoundTrip(_ value: DecimalNumber, input: [UInt8]) {
        let reparsed = DecimalNumber(value.description)
        #expect(reparsed == value, "\(input)")
        #expect(reparsed?.description == value.description, "\(input)")
        #expect(reparsed?.scale == value.scale, "\(input)")
        #expect(reparsed.map { $0.hashValue == value.hashValue } == true, "\(input)")
    }

    private static func randomDecimalText(using generator: inout SeededGenerator) -> String {
        func digits(_ count: Int, zeroBias: Bool) -> String {
            String((0..<count).map { _ in
                zeroBias && Int.random(in: 0..<3, using: &generator) == 0
                    ? "0"
                    : Character(String(Int.random(in: 0...9, using: &generator)))
            })
        }
        var text = ["", "", "+", "-"].randomElement(using: &generator)!
        text += String(repeating: "0", count: Int.random(in: 0...3, using: &generator))
        text += digits(Int.random(in: 0...21, using: &generator), zeroBias: false)
        if Int.random(in: 0..<4, using: &generator) != 0 {
            text += "."
            text += String(repeating: "0", count: Int.random(in: 0...4, using: &generator) == 0
                ? Int.random(in: 0...20, using: &generator) : 0)
            text += digits(Int.random(in: 0...12, using: &generator), zeroBias: true)
            text += String(repeating: "0", count: Int.random(in: 0...22, using: &generator))
        }
        switch Int.random(in: 0..<20, using: &generator) {
        case 0: text = " " + text + "\n"
        case 1: text += "."
        case 2: text.insert("x", at: text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &generator)))
        default: break
        }
        return text
    }
}

/// An independent, string-based reading of an `xs:decimal` and of ``DecimalNumber``'s limits.
private struct ReferenceDecimal {
    let isNegative: Bool
    let normalizedDescription: String
    /// Digits after the point as written.
    let writtenScale: Int
    /// Whether the written trailing zeros all fit, so the scale must be kept as written.
    let keepsWrittenScale: Bool

    init?(_ raw: String) {
        let whitespace: Set<Character> = [" ", "\t", "\n", "\r"]
        var text = Substring(raw)
        while let first = text.first, whitespace.contains(first) { text.removeFirst() }
        while let last = text.last, whitespace.contains(last) { text.removeLast() }
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard (integerPart + fractionPart).allSatisfy({ $0.isASCII && $0.isNumber }),
              !(integerPart.isEmpty && fractionPart.isEmpty)
        else { return nil }

        let integer = integerPart.drop(while: { $0 == "0" })
        var fraction = fractionPart
        while fraction.last == "0" { fraction.removeLast() }
        let trailingZeros = fractionPart.count - fraction.count
        let significant = integer.isEmpty ? fraction.drop(while: { $0 == "0" }).count : integer.count + fraction.count
        guard significant <= 18, fraction.count <= 18 else { return nil }

        let isZero = significant == 0
        isNegative = negative && !isZero
        normalizedDescription = (isNegative ? "-" : "") + (integer.isEmpty ? "0" : String(integer))
            + (fraction.isEmpty ? "" : "." + fraction)
        writtenScale = fractionPart.count
        keepsWrittenScale = fractionPart.count <= 18 && (isZero || significant + trailingZeros <= 18)
    }
}
