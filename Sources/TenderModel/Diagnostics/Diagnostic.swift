/// A place in an input file. Line and column are 1-based; `nil` when not applicable
/// (an unreadable file has no line).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// Something wrong with one input, reported with where it happened.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public var location: SourceLocation
    public var kind: Kind
    public var message: String

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file could not be read at all.
        case unreadable
        /// libxml2 rejected the XML (not well-formed, DOCTYPE, entity, depth, encoding…).
        case malformedXML
        /// Well-formed XML that is not a notice format we read.
        case unsupportedDocument
        /// An eForms notice missing something it cannot do without (BT-04, BT-701).
        case invalidNotice
        /// A limit (size, depth, text length) was exceeded.
        case limitExceeded
        /// A value that could not be understood and was left unknown.
        case badValue
        /// A reference to an identifier the notice does not define.
        case danglingReference
        /// A notice superseded by, or conflicting with, another one.
        case duplicate
        /// A folder named as an input with no notice file in it or below.
        case noNotices
    }

    public init(_ kind: Kind, _ message: String, at location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}
