/// Reads the id and score of every procedure of a `tenderscreen screen` report, streaming:
/// a `--format json` document (its `procedures` array) or `--format jsonl` lines (one
/// procedure each). Everything else (findings, evidence, notices) is skipped unparsed.
public enum ScreenReportReader {
    /// Calls `each` with every procedure, in report order.
    public static func read<Source: ByteSource>(
        _ source: Source, each: (ScoredProcedure, _ line: Int) throws(ReadFailure) -> Void
    ) throws(ReadFailure) {
        let reader = JSONStreamReader(source)
        var values = 0
        var isDocument = false
        while true {
            let kind = try reader.nextValueKind()
            if kind == .end {
                // `}` or `]` at the top level: stray closers.
                if try reader.atEndOfInput() { break }
                throw reader.failure("unexpected closing bracket")
            }
            if isDocument { throw reader.failure("more JSON after the end of the report") }
            guard kind == .object else {
                throw reader.failure("expected an object: a screen report (--format json) or one procedure a line (--format jsonl)")
            }
            let line = reader.currentLine
            try reader.beginObject()
            var procedure = ProcedureFields()
            while let key = try reader.nextKey() {
                if key == "procedures" {
                    guard values == 0 else { throw reader.failure("a report's \"procedures\" after JSON Lines procedures") }
                    isDocument = true
                    try readProcedures(reader, each: each)
                } else {
                    try procedure.read(key, from: reader)
                }
            }
            values += 1
            if !isDocument {
                guard procedure.id != nil || procedure.score != nil else {
                    throw ReadFailure("neither a screen report (no \"procedures\") nor a procedure (no \"id\", no \"score\")",
                                      line: line)
                }
                try each(try procedure.complete(line: line), line)
            }
        }
        guard values > 0 else { throw ReadFailure("empty: not a screen report") }
    }

    /// Every procedure, each id once; a procedure listed twice is a failure.
    public static func procedures<Source: ByteSource>(_ source: Source) throws(ReadFailure) -> [ScoredProcedure] {
        var procedures: [ScoredProcedure] = []
        var seen: Set<String> = []
        try read(source) { (procedure, line) throws(ReadFailure) in
            guard seen.insert(procedure.id).inserted else {
                throw ReadFailure("procedure \(procedure.id) is listed twice", line: line)
            }
            procedures.append(procedure)
        }
        return procedures
    }

    /// A file, or standard input for `-`.
    public static func procedures(atPath path: String) throws(FileFailure) -> [ScoredProcedure] {
        do {
            return try procedures(try FileBytes(path: path))
        } catch {
            throw FileFailure(path: path, failure: error)
        }
    }

    private static func readProcedures<Source>(
        _ reader: JSONStreamReader<Source>, each: (ScoredProcedure, Int) throws(ReadFailure) -> Void
    ) throws(ReadFailure) {
        guard try reader.nextValueKind() == .array else {
            throw reader.failure("\"procedures\" is not an array: not a screen report")
        }
        try reader.beginArray()
        while try reader.nextElement() {
            guard try reader.nextValueKind() == .object else { throw reader.failure("a procedure must be an object") }
            let line = reader.currentLine
            try reader.beginObject()
            var procedure = ProcedureFields()
            while let key = try reader.nextKey() {
                try procedure.read(key, from: reader)
            }
            try each(try procedure.complete(line: line), line)
        }
    }

    /// The two fields kept of a procedure object.
    private struct ProcedureFields {
        var id: String?
        var score: Double?

        mutating func read<Source>(_ key: String, from reader: JSONStreamReader<Source>) throws(ReadFailure) {
            switch key {
            case "id":
                guard try reader.nextValueKind() == .string else { throw reader.failure("a procedure's \"id\" must be a string") }
                id = try reader.readString()
            case "score":
                guard try reader.nextValueKind() == .number else {
                    throw reader.failure("a procedure's \"score\" must be a number")
                }
                score = try reader.readNumber()
            default:
                try reader.skipValue()
            }
        }

        func complete(line: Int) throws(ReadFailure) -> ScoredProcedure {
            guard let id else { throw ReadFailure("a procedure without \"id\"", line: line) }
            guard let score else { throw ReadFailure("procedure \(id) has no \"score\"", line: line) }
            return ScoredProcedure(id: id, score: score)
        }
    }
}
