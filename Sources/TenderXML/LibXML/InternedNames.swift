internal import CLibXML2

/// Maps libxml2's interned name pointers to the reader's vocabulary.
///
/// libxml2 interns every element name, attribute name and namespace URI in the parser's
/// dictionary, so after interning our own names once per parser a lookup is a pointer
/// hash and compare (~2 ns) instead of building a String (~80 ns) for every element.
struct InternedNames {
    private static let capacity = 512
    private let keys: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    private let values: UnsafeMutablePointer<EFormsElement>
    private let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    private(set) var schemeName: UnsafePointer<xmlChar>?
    private(set) var listName: UnsafePointer<xmlChar>?
    private(set) var currencyID: UnsafePointer<xmlChar>?
    private(set) var languageID: UnsafePointer<xmlChar>?

    init() {
        keys = .allocate(capacity: Self.capacity)
        keys.initialize(repeating: nil, count: Self.capacity)
        values = .allocate(capacity: Self.capacity)
        values.initialize(repeating: .other, count: Self.capacity)
        namespaces = .allocate(capacity: EFormsNamespace.allCases.count)
        namespaces.initialize(repeating: nil, count: EFormsNamespace.allCases.count)
    }

    func deallocate() {
        keys.deallocate()
        values.deallocate()
        namespaces.deallocate()
    }

    /// Interns the vocabulary into `dictionary` (a new parser has a new dictionary).
    mutating func intern(into dictionary: OpaquePointer) {
        precondition(Self.elementNames.count < Self.capacity / 2, "the name table must stay half empty")
        keys.update(repeating: nil, count: Self.capacity)
        for (element, name) in Self.elementNames {
            guard let pointer = Self.lookup(dictionary, name) else { continue }
            var slot = Self.slot(pointer)
            while keys[slot] != nil { slot = (slot + 1) & (Self.capacity - 1) }
            keys[slot] = pointer
            values[slot] = element
        }
        for (index, uri) in Self.namespaceURIs.enumerated() {
            namespaces[index] = Self.lookup(dictionary, uri)
        }
        schemeName = Self.lookup(dictionary, Self.attributeNames[0])
        listName = Self.lookup(dictionary, Self.attributeNames[1])
        currencyID = Self.lookup(dictionary, Self.attributeNames[2])
        languageID = Self.lookup(dictionary, Self.attributeNames[3])
    }

    // Names as UTF-8 bytes, computed once per process: interning runs for every file.
    private static let elementNames: [(EFormsElement, [UInt8])] = EFormsElement.allCases
        .filter { $0 != .other }.map { ($0, Array($0.localName.utf8)) }
    private static let namespaceURIs: [[UInt8]] = EFormsNamespace.allCases.map { Array($0.uri.utf8) }
    private static let attributeNames: [[UInt8]] = ["schemeName", "listName", "currencyID", "languageID"]
        .map { Array($0.utf8) }

    /// The element with this interned local name in this namespace, else `.other`.
    @inline(__always)
    func element(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> EFormsElement {
        var slot = Self.slot(localName)
        while let key = keys[slot] {
            if key == localName {
                let element = values[slot]
                return namespaces[Int(element.namespace.rawValue)] == uri ? element : .other
            }
            slot = (slot + 1) & (Self.capacity - 1)
        }
        return .other
    }

    @inline(__always)
    private static func slot(_ pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3 &* 0x9E37_79B9) & (capacity - 1)
    }

    private static func lookup(_ dictionary: OpaquePointer, _ name: [UInt8]) -> UnsafePointer<xmlChar>? {
        name.withUnsafeBufferPointer { xmlDictLookup(dictionary, $0.baseAddress, Int32($0.count)) }
    }
}
