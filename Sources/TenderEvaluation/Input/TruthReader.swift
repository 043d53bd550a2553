/// Reads the truth file of `tenderscreen generate --truth` (docs/generator.md): the corpus's
/// procedure count, the planted procedures and their schemes, the camouflaged procedures.
/// Details, lots and groups are skipped.
public enum TruthReader {
    public static func truth<Source: ByteSource>(_ source: Source) throws(ReadFailure) -> PlantedTruth {
        let reader = JSONStreamReader(source, chunkSize: 1 << 16)
        guard try reader.nextValueKind() == .object else {
            throw reader.failure("expected an object: the truth file of tenderscreen generate --truth")
        }
        try reader.beginObject()
        var procedures: Int?
        var seed: String?
        var counts: [(scheme: String, count: Int, line: Int)] = []
        var planted: [String: [String]]?
        var camouflaged: Set<String>?
        while let key = try reader.nextKey() {
            switch key {
            case "procedures":
                guard try reader.nextValueKind() != .array else {
                    throw reader.failure("\"procedures\" is an array: a screen report, not a truth file")
                }
                procedures = try count(reader, "\"procedures\"")
            case "seed":
                guard try reader.nextValueKind() == .number else { throw reader.failure("\"seed\" must be a number") }
                seed = try reader.readNumberText()
            case "schemes":
                guard try reader.nextValueKind() == .object else { throw reader.failure("\"schemes\" must be an object") }
                try reader.beginObject()
                while let scheme = try reader.nextKey() {
                    let line = reader.currentLine
                    counts.append((scheme, try count(reader, "\"schemes\".\"\(scheme)\""), line))
                }
            case "planted":
                planted = try readPlanted(reader)
            case "camouflaged":
                camouflaged = try readCamouflaged(reader)
            default:
                try reader.skipValue()
            }
        }
        guard try reader.atEndOfInput() else { throw reader.failure("more JSON after the end of the truth") }
        guard let procedures, let planted, let camouflaged else {
            let missing = [procedures == nil ? "\"procedures\"" : nil, planted == nil ? "\"planted\"" : nil,
                           camouflaged == nil ? "\"camouflaged\"" : nil].compactMap { $0 }
            throw ReadFailure("not a truth file of tenderscreen generate --truth: no "
                + missing.joined(separator: ", "))
        }
        let truth = PlantedTruth(procedures: procedures, seed: seed, schemes: counts.map(\.scheme), planted: planted,
                                 camouflaged: camouflaged)
        // The counts are redundant: a mismatch means a damaged or hand-edited file.
        for (scheme, count, line) in counts where truth.count(of: scheme) != count {
            throw ReadFailure("\"schemes\" says \(count) \(scheme) procedures, \"planted\" lists \(truth.count(of: scheme))",
                              line: line)
        }
        if planted.count + truth.camouflaged.count > procedures {
            throw ReadFailure("\"procedures\" is \(procedures), fewer than the \(planted.count) planted and "
                + "\(truth.camouflaged.count) camouflaged procedures listed")
        }
        return truth
    }

    public static func truth(atPath path: String) throws(FileFailure) -> PlantedTruth {
        do {
            return try truth(try FileBytes(path: path))
        } catch {
            throw FileFailure(path: path, failure: error)
        }
    }

    /// `[{"procedure": id, "schemes": [{"scheme": name, …}, …], …}, …]`
    private static func readPlanted<Source>(_ reader: JSONStreamReader<Source>) throws(ReadFailure) -> [String: [String]] {
        guard try reader.nextValueKind() == .array else { throw reader.failure("\"planted\" must be an array") }
        var planted: [String: [String]] = [:]
        try reader.beginArray()
        while try reader.nextElement() {
            guard try reader.nextValueKind() == .object else { throw reader.failure("a planted procedure must be an object") }
            let line = reader.currentLine
            try reader.beginObject()
            var id: String?
            var schemes: [String] = []
            while let key = try reader.nextKey() {
                switch key {
                case "procedure":
                    id = try string(reader, "\"procedure\"")
                case "schemes":
                    guard try reader.nextValueKind() == .array else { throw reader.failure("\"schemes\" must be an array") }
                    try reader.beginArray()
                    while try reader.nextElement() {
                        guard try reader.nextValueKind() == .object else { throw reader.failure("a scheme must be an object") }
                        try reader.beginObject()
                        var name: String?
                        while let key = try reader.nextKey() {
                            if key == "scheme" { name = try string(reader, "\"scheme\"") } else { try reader.skipValue() }
                        }
                        guard let name else { throw ReadFailure("a planted scheme without \"scheme\"", line: line) }
                        if !schemes.contains(name) { schemes.append(name) }
                    }
                default:
                    try reader.skipValue()
                }
            }
            guard let id else { throw ReadFailure("a planted procedure without \"procedure\"", line: line) }
            guard !schemes.isEmpty else { throw ReadFailure("planted procedure \(id) has no scheme", line: line) }
            guard planted.updateValue(schemes, forKey: id) == nil else {
                throw ReadFailure("planted procedure \(id) is listed twice", line: line)
            }
        }
        return planted
    }

    /// `[{"procedure": id, "kind": …, …}, …]`
    private static func readCamouflaged<Source>(_ reader: JSONStreamReader<Source>) throws(ReadFailure) -> Set<String> {
        guard try reader.nextValueKind() == .array else { throw reader.failure("\"camouflaged\" must be an array") }
        var camouflaged: Set<String> = []
        try reader.beginArray()
        while try reader.nextElement() {
            guard try reader.nextValueKind() == .object else {
                throw reader.failure("a camouflaged procedure must be an object")
            }
            let line = reader.currentLine
            try reader.beginObject()
            var id: String?
            while let key = try reader.nextKey() {
                if key == "procedure" { id = try string(reader, "\"procedure\"") } else { try reader.skipValue() }
            }
            guard let id else { throw ReadFailure("a camouflaged procedure without \"procedure\"", line: line) }
            camouflaged.insert(id)
        }
        return camouflaged
    }

    private static func string<Source>(_ reader: JSONStreamReader<Source>, _ name: String) throws(ReadFailure) -> String {
        guard try reader.nextValueKind() == .string else { throw reader.failure("\(name) must be a string") }
        return try reader.readString()
    }

    private static func count<Source>(_ reader: JSONStreamReader<Source>, _ name: String) throws(ReadFailure) -> Int {
        guard try reader.nextValueKind() == .number else { throw reader.failure("\(name) must be a number") }
        let (line, column) = (reader.currentLine, reader.currentColumn)
        let text = try reader.readNumberText()
        guard let value = Int(text), value >= 0 else {
            throw ReadFailure("\(name) must be a count (a whole number, at least 0), not \(text)", line: line, column: column)
        }
        return value
    }
}
