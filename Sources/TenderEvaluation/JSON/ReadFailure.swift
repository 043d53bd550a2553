/// Why an input could not be read: unreadable, not JSON, or JSON of the wrong shape.
public struct ReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Where in the input (1-based line, byte column), when the failure has a place.
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`, or the message alone.
    public var description: String {
        guard let line else { return message }
        return column.map { "\(line):\($0): \(message)" } ?? "\(line): \(message)"
    }
}

/// A ``ReadFailure`` in a named file: `file:line:column: message` (the form the other commands
/// use), or `file: message` when it has no place.
public struct FileFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var failure: ReadFailure

    public init(path: String, failure: ReadFailure) {
        self.path = path
        self.failure = failure
    }

    public var description: String { failure.line == nil ? "\(path): \(failure)" : "\(path):\(failure)" }
}
