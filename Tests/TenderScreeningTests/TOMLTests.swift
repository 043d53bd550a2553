import Testing
import TenderModel
import TenderScreening

/// The TOML subset settings files are written in.
@Suite("TOML reader")
struct TOMLTests {
    func parse(_ text: String) throws -> TOMLTable {
        try TOMLDocument.parse(text, file: "t.toml").root
    }

    /// The value at a dotted path of plain keys.
    func value(_ table: TOMLTable, _ path: String) -> TOMLValue.Kind? {
        var table = table
        let keys = path.split(separator: ".").map(String.init)
        for key in keys.dropLast() {
            guard case .table(let inner)? = table[key]?.value.kind else { return nil }
            table = inner
        }
        return table[keys.last!]?.value.kind
    }

    func error(_ text: String) -> SettingsError? {
        do {
            _ = try TOMLDocument.parse(text, file: "t.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func scalarValues() throws {
        let root = try parse("""
            # a comment
            basic = "tab\\there \\"quoted\\" \\u00e9\\U0001F600" # trailing comment
            literal = 'C:\\path\\no escapes'
            integer = 5_538_000
            negative = -17
            hex = 0xff
            float = 0.05
            exponent = 1e-3
            big = 143_000.50
            yes = true
            no = false
            date = 2024-01-01
            infinite = -inf
            """)
        #expect(value(root, "basic") == .string("tab\there \"quoted\" é😀"))
        #expect(value(root, "literal") == .string("C:\\path\\no escapes"))
        #expect(value(root, "integer") == .integer(5_538_000))
        #expect(value(root, "negative") == .integer(-17))
        #expect(value(root, "hex") == .integer(255))
        #expect(value(root, "float") == .float(0.05, text: "0.05"))
        #expect(value(root, "exponent") == .float(0.001, text: "1e-3"))
        #expect(value(root, "big") == .float(143_000.5, text: "143000.50"))
        #expect(value(root, "yes") == .boolean(true))
        #expect(value(root, "no") == .boolean(false))
        #expect(value(root, "date") == .date(CalendarDate(year: 2024, month: 1, day: 1)!))
        #expect(value(root, "infinite") == .float(-.infinity, text: "-inf"))
        #expect(root["date"]?.line == 12)
    }

    @Test func multilineStrings() throws {
        let root = try parse("""
            a = \"\"\"
            first
            second\"\"\"
            b = \"\"\"one \\
                two\"\"\"
            c = '''
            raw \\n'''
            d = 1
            """)
        #expect(value(root, "a") == .string("first\nsecond"))
        #expect(value(root, "b") == .string("one two"))
        #expect(value(root, "c") == .string("raw \\n"))
        #expect(root["d"]?.line == 8)
    }

    @Test func tablesDottedAndQuotedKeys() throws {
        let root = try parse("""
            [indicators."single-bid"]
            weight = 20

            [indicators.non-open-procedure]
            enabled = false

            [scoring]
            value-adjustment.enabled = true
            "odd key" = 1
            """)
        #expect(value(root, "indicators.single-bid.weight") == .integer(20))
        #expect(value(root, "indicators.non-open-procedure.enabled") == .boolean(false))
        #expect(value(root, "scoring.value-adjustment.enabled") == .boolean(true))
        #expect(value(root, "scoring.odd key") == .integer(1))
        guard case .table(let indicators)? = root["indicators"]?.value.kind else {
            Issue.record("indicators is not a table")
            return
        }
        #expect(indicators.entries.map(\.key) == ["single-bid", "non-open-procedure"])
        #expect(indicators["non-open-procedure"]?.line == 4)
    }

    @Test func arraysMultilineWithCommentsAndTrailingComma() throws {
        let root = try parse("""
            types = [
                "open",      # the usual one
                "restricted",
            ]
            empty = []
            nested = [[1, 2], ["a"]]
            inline = { a = 1, b.c = "x" }
            """)
        guard case .array(let types)? = value(root, "types") else {
            Issue.record("types is not an array")
            return
        }
        #expect(types.map(\.kind) == [.string("open"), .string("restricted")])
        #expect(types.map(\.line) == [2, 3])
        #expect(value(root, "empty") == .array([]))
        guard case .array(let nested)? = value(root, "nested") else {
            Issue.record("nested is not an array")
            return
        }
        #expect(nested.count == 2)
        #expect(value(root, "inline.b.c") == .string("x"))
    }

    @Test func arraysOfTables() throws {
        let root = try parse("""
            [[rows]]
            n = 1

            [[rows]]
            n = 2
            [rows.detail]
            x = true

            [[rows]]
            """)
        guard case .array(let rows)? = value(root, "rows") else {
            Issue.record("rows is not an array")
            return
        }
        #expect(rows.count == 3)
        #expect(rows.map(\.line) == [1, 4, 9])
        guard case .table(let second) = rows[1].kind, case .table(let third) = rows[2].kind else {
            Issue.record("rows are not tables")
            return
        }
        #expect(value(second, "n") == .integer(2))
        #expect(value(second, "detail.x") == .boolean(true))
        #expect(third.entries.isEmpty)
    }

    @Test func windowsLineEndsAndAByteOrderMark() throws {
        let root = try parse("\u{FEFF}a = 1\r\n[t]\r\nb = 'x'\r\n")
        #expect(value(root, "a") == .integer(1))
        #expect(value(root, "t.b") == .string("x"))
        #expect(root["t"]?.line == 2)
    }

    @Test(arguments: [
        ("a = 1\nb = \n", 2, "b", "expected a value"),
        ("a = 1\na = 2\n", 2, "a", "set twice (first on line 1)"),
        ("[t]\nx = 1\n[t]\n", 3, "t", "table already defined on line 1"),
        ("[t]\nx = \"open\n", 2, "t.x", "not closed"),
        ("x = open\n", 1, "x", "strings are written in quotes"),
        ("x = 1 2\n", 1, "x", "expected the end of the line"),
        ("x = [1, 2\ny = 3\n", 2, "x", "expected ',' or ']'"),
        ("x = 01\n", 1, "x", "not a valid number"),
        ("x = 1__0\n", 1, "x", "not a valid number"),
        ("x = 2024-02-30\n", 1, "x", "not a valid date"),
        ("x = 2024-01-01T10:00:00\n", 1, "x", "date-times are not supported"),
        ("x = \"\\q\"\n", 1, "x", "unknown escape"),
        ("[a]\nb = 1\n[a.b]\n", 3, "a.b", "already set to a value"),
        ("[[a]]\n[a]\n", 2, "a", "already an array of tables"),
        ("= 1\n", 1, nil, "expected a key"),
        ("[t\n", 1, "t", "expected ']'"),
        ("x = 99999999999999999999\n", 1, "x", "does not fit"),
        ("\n\n  k.\"q\" = [\n  1,\n  @\n]\n", 5, "k.q", "expected a value"),
    ] as [(String, Int, String?, String)])
    func errorsNameTheLineAndTheKey(text: String, line: Int, key: String?, message: String) {
        let error = error(text)
        #expect(error?.file == "t.toml")
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.key == key, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func anErrorReadsAsFileLineKeyMessage() {
        let error = SettingsError(file: "settings.toml", line: 12, key: "indicators.single-bid.weight",
                                  message: "expected a number, found a string")
        #expect(error.description == "settings.toml:12: indicators.single-bid.weight: expected a number, found a string")
    }
}
