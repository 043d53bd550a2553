import Testing
import TenderEvaluation

@Suite("Streaming JSON reader")
struct JSONStreamReaderTests {
    static func reader(_ text: String, chunkSize: Int = .max) -> JSONStreamReader<MemoryBytes> {
        JSONStreamReader(MemoryBytes(text, chunkSize: chunkSize), chunkSize: min(chunkSize, 1 << 16))
    }

    /// Chunk sizes that put every token across a chunk boundary somewhere.
    static let chunkSizes = [1, 2, 3, 7, 64, Int.max]

    @Test(arguments: chunkSizes)
    func stringsAreDecoded(chunkSize: Int) throws {
        let reader = Self.reader(#"["a\"b\\c\/d", "\u00e9\u20AC", "\ud83d\ude00", "\n\t\b\f\r", "é€😀", "", "\ud800x", "\udc00"]"#,
                                 chunkSize: chunkSize)
        try reader.beginArray()
        var strings: [String] = []
        while try reader.nextElement() { strings.append(try reader.readString()) }
        #expect(strings == ["a\"b\\c/d", "é€", "😀", "\n\t\u{8}\u{C}\r", "é€😀", "", "\u{FFFD}x", "\u{FFFD}"])
        #expect(try reader.atEndOfInput())
    }

    @Test(arguments: chunkSizes)
    func numbersFollowTheGrammar(chunkSize: Int) throws {
        let reader = Self.reader("[0, -0, 12.5, -3e2, 1E+2, 2.5e-1, 100]", chunkSize: chunkSize)
        try reader.beginArray()
        var numbers: [Double] = []
        while try reader.nextElement() { numbers.append(try reader.readNumber()) }
        #expect(numbers == [0, 0, 12.5, -300, 100, 0.25, 100])
    }

    @Test(arguments: chunkSizes)
    func skippingPassesOverNestedValues(chunkSize: Int) throws {
        let text = """
            {"skip": {"a": [1, {"b": "x\\"}y"}, [], {}], "c": null, "d": [true, false, "]}"]},
             "keep" : "yes", "after": [[[]]]}
            """
        let reader = Self.reader(text, chunkSize: chunkSize)
        try reader.beginObject()
        var kept: String?
        var keys: [String] = []
        while let key = try reader.nextKey() {
            keys.append(key)
            if key == "keep" { kept = try reader.readString() } else { try reader.skipValue() }
        }
        #expect(keys == ["skip", "keep", "after"])
        #expect(kept == "yes")
        #expect(try reader.atEndOfInput())
    }

    @Test(arguments: [
        ("[1, 2,]", "1:7: unexpected ']', expected a value"),
        ("{\"a\": tru}", "1:10: invalid literal (expected true)"),
        ("[01]", "1:3: unexpected '1', expected ',' or ']'"),
        ("[1.]", "1:4: invalid number: no digit after '.'"),
        ("[-]", "1:3: invalid number"),
        ("[\"a\nb\"]", "1:4: control character U+000A in a string (must be escaped)"),
        ("[\"\\x\"]", "1:4: invalid escape \\x in a string"),
        ("[\"\\u12G4\"]", "1:7: \\u must be followed by four hexadecimal digits"),
        ("{\"a\" 1}", "1:6: unexpected '1', expected ':'"),
        ("{\"a\": 1,\n \"b\": [1 2]}", "2:10: unexpected '2', expected ',' or ']'"),
        ("{\"a\": {\"b\": 1}", "1:15: unexpected end of input, expected ',' or '}'"),
        ("[\"abc", "1:6: unterminated string"),
        ("{1: 2}", "1:2: unexpected '1', expected a key"),
    ])
    func invalidJSONIsRefusedWithItsPlace(text: String, message: String) {
        // The same failure whatever the chunks.
        for chunkSize in [1, Int.max] {
            do {
                try Self.reader(text, chunkSize: chunkSize).skipValue()
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func deepNestingIsRefusedNotRecursed() {
        let depth = JSONStreamReader<MemoryBytes>.maximumDepth + 5
        let reader = Self.reader(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        do {
            try reader.skipValue()
            Issue.record("accepted")
        } catch {
            #expect(error.message == "nested too deeply")
        }
    }

    @Test func valuesFollowingEachOtherAreReadInTurn() throws {
        let reader = Self.reader("{\"a\":1}\n{\"a\":2}\n\n")
        var values: [Double] = []
        while try reader.nextValueKind() != .end {
            try reader.beginObject()
            while try reader.nextKey() != nil { values.append(try reader.readNumber()) }
        }
        #expect(values == [1, 2])
        #expect(reader.currentLine == 4)
    }
}
