#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import TenderModel

/// Reads one eForms notice per file with libxml2's SAX2 push parser: streaming (memory
/// bounded by ``ReaderLimits``, whatever the file size) and safe for hostile input: no
/// network, no DTD, no entity expansion (any DOCTYPE is refused), errors with file, line
/// and column.
///
/// A reader is not thread-safe; give each worker its own. It can be reused for any number
/// of files.
public final class EFormsReader {
    public let limits: ReaderLimits
    private let chunk: UnsafeMutableRawBufferPointer
    /// One push-parser context reused from file to file (reset, not rebuilt), so its
    /// dictionary keeps our interned names: creating a context and interning ~300 names
    /// cost about 5 % of reading a notice.
    private var context: xmlParserCtxtPtr?
    private var names = InternedNames()
    /// Files parsed with `context`; it is rebuilt now and then so a stream of hostile
    /// files cannot grow its dictionary without bound.
    private var contextUses = 0
    private static let contextUsesLimit = 2_000
    private static let dictionaryLimit = 50_000

    /// Options for untrusted input. Never NOENT (the XXE switch), DTDLOAD, HUGE or RECOVER.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    public init(limits: ReaderLimits = .standard) {
        self.limits = limits
        chunk = .allocate(byteCount: limits.chunkBytes, alignment: 16)
        EFormsReader.prepare()
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        names.deallocate()
        chunk.deallocate()
    }

    /// A context ready for a new document, with `names` interned in its dictionary.
    fileprivate func takeContext(file: String) -> xmlParserCtxtPtr? {
        if let context, contextUses < Self.contextUsesLimit, xmlDictSize(context.pointee.dict) < Self.dictionaryLimit,
           file.withCString({ xmlCtxtResetPush(context, nil, 0, $0, nil) }) == 0 {
            contextUses += 1
            configure(context)
            return context
        }
        dropContext()
        guard let created = file.withCString({ xmlCreatePushParserCtxt(nil, nil, nil, 0, $0) }) else { return nil }
        context = created
        contextUses = 1
        configure(created)
        names.intern(into: created.pointee.dict)
        return created
    }

    /// After a failed parse the context is not trusted again.
    fileprivate func dropContext() {
        if let context { xmlFreeParserCtxt(context) }
        context = nil
    }

    private func configure(_ context: xmlParserCtxtPtr) {
        // Options first (they edit the SAX table), then our handler over the defaults.
        xmlCtxtUseOptions(context, EFormsReader.options)
        context.pointee.sax.pointee = EFormsReader.handler
    }

    /// Initialises libxml2 once per process. Call it on the main thread before starting
    /// workers (libxml2's advice); readers call it too, so forgetting is harmless.
    public static func prepare() {
        _ = initializeLibXML
    }

    private static let initializeLibXML: Void = {
        xmlInitParser()
        // libxml2 prints errors that have no parser context (encoding conversion, I/O) to
        // stderr unless a thread has a handler: silence them on every thread by default;
        // `Parse` routes them to its diagnostic while it parses.
        xmlThrDefSetStructuredErrorFunc(nil, EFormsReader.inputErrorHandler)
        xmlSetStructuredErrorFunc(nil, EFormsReader.inputErrorHandler)
    }()

    /// The thread's handler for errors raised outside the parser: its context is the
    /// `EFormsSAXState` being parsed, or nil (ignore) between parses.
    private static let inputErrorHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        context.assumingMemoryBound(to: EFormsSAXState.self).pointee.libxmlError(error, fromParser: false)
    }

    /// Reads the notice in the file at `path`.
    public func read(file path: String) throws(Diagnostic) -> Notice {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic(.unreadable, "cannot open: \(Self.systemError(errno))", at: SourceLocation(file: path))
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limits.maximumFileBytes {
            throw Diagnostic(.limitExceeded, "file of \(Int(info.st_size)) bytes, over the limit of "
                + "\(limits.maximumFileBytes) (--max-file-size); not read", at: SourceLocation(file: path))
        }
        let parse = Parse(file: path, reader: self)
        defer { parse.release() }
        // Fill whole chunks: a file that fits in one is parsed in a single call with
        // `terminate` set, which spares the push parser its look-ahead for complete tags.
        var filled = 0
        var total = 0
        while true {
            let count = readBytes(descriptor, chunk.baseAddress! + filled, chunk.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.unreadable, "cannot read: \(Self.systemError(errno))", at: SourceLocation(file: path))
            }
            filled += count
            total += count
            guard total <= limits.maximumFileBytes else {
                // The file grew past the limit while being read.
                throw Diagnostic(.limitExceeded, "file longer than the limit of \(limits.maximumFileBytes) bytes "
                    + "(--max-file-size); reading stopped", at: SourceLocation(file: path))
            }
            let atEnd = count == 0
            guard atEnd || filled == chunk.count else { continue }
            if filled > 0 {
                guard parse.feed(UnsafeRawBufferPointer(start: chunk.baseAddress, count: filled), last: atEnd) else { break }
                filled = 0
            }
            if atEnd { break }
        }
        return try parse.finish()
    }

    /// Reads a notice held in memory; `file` names it in diagnostics.
    public func read(bytes: UnsafeRawBufferPointer, file: String) throws(Diagnostic) -> Notice {
        let parse = Parse(file: file, reader: self)
        defer { parse.release() }
        var offset = 0
        while offset < bytes.count {
            let count = min(limits.chunkBytes, bytes.count - offset)
            let last = offset + count == bytes.count
            guard parse.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), last: last) else { break }
            offset += count
        }
        return try parse.finish()
    }

    /// Reads a notice from a string (tests, tools).
    public func read(xml: String, file: String = "<memory>") throws(Diagnostic) -> Notice {
        var xml = xml
        let result = xml.withUTF8 { bytes in
            Result { () throws(Diagnostic) -> Notice in try read(bytes: UnsafeRawBufferPointer(bytes), file: file) }
        }
        return try result.get()
    }

    /// `read(2)`, named apart from the reader's own `read` methods.
    private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func systemError(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// One push-parser run over one document.
    private final class Parse {
        let state: UnsafeMutablePointer<EFormsSAXState>
        private unowned let reader: EFormsReader
        private var sawContent = false
        /// The parser has been told the document ends.
        private var terminated = false
        private var tags: StartTagScanner

        init(file: String, reader: EFormsReader) {
            self.reader = reader
            state = .allocate(capacity: 1)
            state.initialize(to: EFormsSAXState(file: file, limits: reader.limits, names: reader.names))
            tags = StartTagScanner(limit: reader.limits.maximumAttributes)
        }

        func release() {
            // Only a context that parsed a whole document cleanly is reused.
            if let context = state.pointee.context,
               state.pointee.failure != nil || !terminated || context.pointee.wellFormed == 0 {
                reader.dropContext()
            }
            state.pointee.deallocate()
            state.deinitialize(count: 1)
            state.deallocate()
        }

        /// Feeds bytes (`last`: the document ends with them); false once parsing has stopped
        /// (error, refusal or limit).
        func feed(_ bytes: UnsafeRawBufferPointer, last: Bool) -> Bool {
            guard state.pointee.failure == nil else { return false }
            if !sawContent, let first = bytes.firstIndex(where: { !$0.isXMLWhitespace }) {
                sawContent = true
                guard Self.canStartXML(UnsafeRawBufferPointer(rebasing: bytes[first...])) else {
                    state.pointee.failure = Diagnostic(.malformedXML, "not XML: the file starts with byte "
                        + Self.hex(bytes[first]) + " where XML starts with '<' (binary data or another format)",
                        at: SourceLocation(file: state.pointee.file, line: 1, column: 1))
                    return false
                }
            }
            guard let context = state.pointee.context ?? start() else { return false }
            guard tags.scan(bytes) else {
                state.pointee.fail(.limitExceeded, "an element has more than \(state.pointee.limits.maximumAttributes) "
                    + "attributes (in the bytes after this point); refused before parsing, as libxml2 checks "
                    + "attributes in quadratic time")
                return false
            }
            let code = parseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), last: last)
            terminated = last
            return code == 0 && state.pointee.failure == nil
        }

        func finish() throws(Diagnostic) -> Notice {
            guard sawContent else {
                // libxml2's own message for this case ("Extra content at the end") misleads.
                throw Diagnostic(.malformedXML, "empty file: no XML in it", at: SourceLocation(file: state.pointee.file))
            }
            if !terminated, state.pointee.failure == nil, let context = state.pointee.context ?? start() {
                parseChunk(context, nil, 0, last: true)
                terminated = true
            }
            let file = state.pointee.file
            if var failure = state.pointee.failure {
                if !state.pointee.sawRoot, failure.message.hasPrefix("Extra content at the end") {
                    // libxml2's words when a file holds only a BOM, a comment or a declaration.
                    failure.message = "no XML element in the file"
                } else if failure.kind == .malformedXML, terminated, state.pointee.failedAtEndOfInput {
                    // libxml2 names the token it was in; the cause is that the bytes stopped.
                    failure.message += " (at the end of the file: the document is cut short, the file looks truncated)"
                }
                throw failure
            }
            if let context = state.pointee.context, context.pointee.wellFormed == 0 {
                throw Diagnostic(.malformedXML, "not well-formed XML", at: SourceLocation(file: file))
            }
            guard state.pointee.sawRoot else {
                throw Diagnostic(.malformedXML, "empty document: no root element", at: SourceLocation(file: file))
            }
            return try state.pointee.collector.raw.resolved(file: file, root: state.pointee.rootPosition)
        }

        /// `xmlParseChunk` with this parse's state receiving the errors libxml2 raises outside
        /// the parser (input conversion), which the thread's handler otherwise ignores.
        @discardableResult
        private func parseChunk(_ context: xmlParserCtxtPtr, _ bytes: UnsafePointer<CChar>?, _ count: Int32,
                                last: Bool) -> Int32 {
            state.pointee.bytesFed += Int(count)
            xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(state), EFormsReader.inputErrorHandler)
            defer { xmlSetStructuredErrorFunc(nil, EFormsReader.inputErrorHandler) }
            return xmlParseChunk(context, bytes, count, last ? 1 : 0)
        }

        /// Whether bytes can begin an XML document: `<`, or a byte-order mark, or `<` in UTF-16
        /// (libxml2 detects those encodings itself).
        static func canStartXML(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard let first = bytes.first else { return true }
            switch first {
            case UInt8(ascii: "<"), 0xEF, 0xFE, 0xFF: return true
            case 0x00: return bytes.count < 2 || bytes[1] == UInt8(ascii: "<")
            default: return false
            }
        }

        static func hex(_ byte: UInt8) -> String {
            let digits = Array("0123456789ABCDEF")
            return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
        }

        private func start() -> xmlParserCtxtPtr? {
            guard let context = reader.takeContext(file: state.pointee.file) else {
                state.pointee.failure = Diagnostic(.unreadable, "libxml2 could not create a parser",
                                                   at: SourceLocation(file: state.pointee.file))
                return nil
            }
            context.pointee.userData = UnsafeMutableRawPointer(state)
            state.pointee.context = context
            state.pointee.names = reader.names
            return context
        }
    }

    /// A minimal SAX2 handler: no entity, DTD or reference callbacks, so no entity can ever
    /// be declared or expanded; `internalSubset` refuses any DOCTYPE before it is processed.
    // Immutable after initialisation; copied into each parser context.
    nonisolated(unsafe) private static let handler: xmlSAXHandler = {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            context.assumingMemoryBound(to: EFormsSAXState.self).pointee
                .startElement(localName, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            context?.assumingMemoryBound(to: EFormsSAXState.self).pointee.endElement()
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            context.assumingMemoryBound(to: EFormsSAXState.self).pointee.characters(bytes, Int(count))
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in
            context?.assumingMemoryBound(to: EFormsSAXState.self).pointee.rejectDoctype()
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            context.assumingMemoryBound(to: EFormsSAXState.self).pointee.libxmlError(error)
        }
        return handler
    }()
}
