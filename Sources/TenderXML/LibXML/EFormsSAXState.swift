internal import CLibXML2
import TenderModel

/// The mutable state of one parse, reached from libxml2's C callbacks through a raw
/// pointer (userData). It lives behind an `UnsafeMutablePointer` so callbacks mutate it in
/// place: a struct reached through a class property would be copied on every event.
struct EFormsSAXState {
    var context: xmlParserCtxtPtr?
    /// Owned by the reader, interned into the context's dictionary (set with the context).
    var names: InternedNames
    let limits: ReaderLimits
    let file: String

    /// Scopes of the open tracked elements; `depth` of them are in use.
    var scopes: UnsafeMutablePointer<EFormsScope>
    var depth = 0
    /// Nesting inside a skipped subtree: while > 0 nothing is looked at.
    var skipDepth = 0

    var capture = EFormsField.none
    var captureAttributes = LeafAttributes()
    var text: UnsafeMutablePointer<UInt8>
    var textCount = 0
    var textCapacity: Int
    /// Bytes of the current text node (captured or not), against `maximumTextBytes`.
    var textRun = 0
    /// libxml2 had read all its input when it reported the failure: the file ended early.
    var failedAtEndOfInput = false
    /// Bytes of the file given to the parser so far, to place errors that carry no position.
    var bytesFed = 0

    var collector: EFormsCollector
    var rootPosition = (line: 0, column: 0)
    var sawRoot = false
    /// The first error; the parse stops there.
    var failure: Diagnostic?

    init(file: String, limits: ReaderLimits, names: InternedNames) {
        self.file = file
        self.names = names
        self.limits = limits
        collector = EFormsCollector(file: file)
        scopes = .allocate(capacity: limits.maximumDepth + 1)
        textCapacity = 4096
        text = .allocate(capacity: textCapacity)
    }

    func deallocate() {
        scopes.deallocate()
        text.deallocate()
    }

    // MARK: Events

    mutating func startElement(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?,
                               _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard depth + skipDepth < limits.maximumDepth else {
            fail(.limitExceeded, "elements nested deeper than \(limits.maximumDepth) levels (--max-depth)")
            return
        }
        textRun = 0
        if attributeCount > 0, !attributesFit(attributeCount, attributes) { return }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if capture != .none {
            // Markup inside a leaf we capture: its text is not the leaf's value.
            skipDepth = 1
            return
        }
        if depth == 0 {
            startRoot(localName, uri)
            return
        }
        let element = names.element(localName, uri)
        let parent = scopes[depth - 1]
        switch parent.step(element) {
        case .skip:
            skipDepth = 1
        case .capture(let field):
            capture = field
            textCount = 0
            captureAttributes = readAttributes(attributeCount, attributes)
        case .enter(let scope):
            scopes[depth] = scope
            depth += 1
            if scope != parent { collector.open(scope, parent: parent) }
        }
    }

    mutating func endElement() {
        textRun = 0
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if capture != .none {
            let field = capture
            capture = .none
            let (line, column) = position
            collector.store(field, UnsafeBufferPointer(start: text, count: textCount), captureAttributes,
                            line: line, column: column)
            return
        }
        guard depth > 0 else { return }
        depth -= 1
        let scope = scopes[depth]
        if depth > 0, scopes[depth - 1] != scope { collector.close(scope) }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        textRun += count
        let keeping = capture != .none && skipDepth == 0
        let needed = textCount + count
        // A kept field's text can come in several runs (around markup nested in it, which
        // resets `textRun`): the buffer's own bound is checked too, or it would overflow.
        guard textRun <= limits.maximumTextBytes, !keeping || needed <= limits.maximumTextBytes else {
            fail(.limitExceeded, "a text node is longer than \(limits.maximumTextBytes) bytes (--max-text-size)")
            return
        }
        guard keeping else { return }
        if needed > textCapacity {
            let capacity = min(max(needed, textCapacity * 2), limits.maximumTextBytes)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: text, count: textCount)
            text.deallocate()
            text = grown
            textCapacity = capacity
        }
        (text + textCount).update(from: bytes, count: count)
        textCount = needed
    }

    mutating func rejectDoctype() {
        fail(.malformedXML,
             "DOCTYPE declarations are refused: notices never carry one, and DTDs and entities are how XML "
                 + "reaches files and the network (nothing was loaded)")
    }

    /// Records libxml2's first error. `fromParser`: raised by the parser itself, which is then
    /// stopped; errors raised outside it (character-encoding conversion of the input, I/O) come
    /// through the thread's global handler while the parser is inside its input buffer, where
    /// stopping it is unsafe; the failed conversion ends the parse anyway.
    mutating func libxmlError(_ error: UnsafePointer<xmlError>, fromParser: Bool = true) {
        guard failure == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let text = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
        // One line per error on stderr: libxml2 puts details ("Bytes: 0xFF…") on further lines.
        var message = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            .joined(separator: "; ")
        var kind = Diagnostic.Kind.malformedXML
        if message.hasSuffix("Huge input lookup") {
            // libxml2's words when one construct (a comment, a tag, a processing instruction)
            // outgrows the lookahead it allows without XML_PARSE_HUGE.
            kind = .limitExceeded
            message = "a comment, tag or processing instruction longer than libxml2's limit of "
                + "\(XML_MAX_LOOKUP_LIMIT) bytes; no notice has one that long, and the option that lifts "
                + "the limit is never used on untrusted input"
        }
        guard fromParser else {
            // Conversion errors carry no line (the input is decoded before it is parsed), but
            // the bytes left undecoded start at the bad sequence, so its offset is known.
            var place = ""
            if let raw = context?.pointee.input?.pointee.buf?.pointee.raw {
                place = " at byte offset \(bytesFed - xmlBufUse(raw))"
            }
            failure = Diagnostic(.malformedXML, "character encoding error\(place): " + message
                + " (the bytes do not match the document's encoding)", at: SourceLocation(file: file))
            return
        }
        noteWhetherAtEndOfInput()
        failure = Diagnostic(kind, message, at: SourceLocation(
            file: file, line: Int(error.pointee.line), column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil))
        // Recoverable errors (an undeclared prefix…) would let parsing go on: stop at the first.
        if let context { xmlStopParser(context) }
    }

    // MARK: Helpers

    private mutating func startRoot(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) {
        sawRoot = true
        rootPosition = position
        let name = String(cString: localName)
        let namespace = uri.map { String(cString: $0) }
        guard let root = EFormsRoot(rawValue: name), namespace == root.namespaceURI else {
            fail(.unsupportedDocument, Self.unsupportedRootMessage(name: name, namespace: namespace))
            return
        }
        scopes[0] = .root
        depth = 1
    }

    static func unsupportedRootMessage(name: String, namespace: String?) -> String {
        let element = namespace.map { "{\($0)}\(name)" } ?? name
        let known = "tenderscreen reads eForms notices (ContractNotice, ContractAwardNotice, PriorInformationNotice)"
        if name == "TED_EXPORT" {
            return "legacy TED XML (\(element)) is not supported yet; \(known)"
        }
        if EFormsRoot(rawValue: name) != nil {
            return "root element \(element) is not in the eForms namespace \(EFormsRoot(rawValue: name)!.namespaceURI); \(known)"
        }
        return "not an eForms notice: the root element is \(element); \(known)"
    }

    /// Every attribute value within `maximumTextBytes`; fails the parse otherwise.
    private mutating func attributesFit(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> Bool {
        guard let attributes else { return true }
        for index in 0..<count {
            let base = attributes + index * 5 // localname, prefix, URI, value start, value end
            if let start = base[3], let end = base[4], end - start > limits.maximumTextBytes {
                fail(.limitExceeded, "an attribute value is longer than \(limits.maximumTextBytes) bytes (--max-text-size)")
                return false
            }
        }
        return true
    }

    private mutating func readAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> LeafAttributes {
        var result = LeafAttributes()
        guard let attributes, count > 0 else { return result }
        for index in 0..<count {
            let base = attributes + index * 5 // localname, prefix, URI, value start, value end
            guard let name = base[0], base[2] == nil, let start = base[3], let end = base[4] else { continue }
            let value = Self.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
            if name == names.schemeName { result.schemeName = value }
            else if name == names.listName { result.listName = value }
            else if name == names.currencyID { result.currencyID = value }
            else if name == names.languageID { result.languageID = value }
        }
        return result
    }

    /// Without entity substitution libxml2 hands every `&` of an attribute value over as
    /// `&#38;` (other references arrive decoded); turn it back into `&`.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        let escape = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + escape.count <= bytes.count,
               bytes[index..<index + escape.count].elementsEqual(escape) {
                decoded.append(UInt8(ascii: "&"))
                index += escape.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    var position: (line: Int, column: Int) {
        guard let input = context?.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    mutating func fail(_ kind: Diagnostic.Kind, _ message: String) {
        guard failure == nil else { return }
        let (line, column) = position
        noteWhetherAtEndOfInput()
        failure = Diagnostic(kind, message, at: SourceLocation(file: file, line: line, column: column))
        if let context { xmlStopParser(context) }
    }

    /// Sets ``failedAtEndOfInput`` from where libxml2 is in its input, as a failure is recorded.
    private mutating func noteWhetherAtEndOfInput() {
        if let input = context?.pointee.input, let current = input.pointee.cur, let end = input.pointee.end {
            failedAtEndOfInput = current >= end
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
