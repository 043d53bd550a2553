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
        keys.update(repeating: nil, count: Self.capacity)
        for element in EFormsElement.allCases where element != .other {
            guard let pointer = Self.lookup(dictionary, element.localName) else { continue }
            var slot = Self.slot(pointer)
            while keys[slot] != nil { slot = (slot + 1) & (Self.capacity - 1) }
            keys[slot] = pointer
            values[slot] = element
        }
        for namespace in EFormsNamespace.allCases {
            namespaces[Int(namespace.rawValue)] = Self.lookup(dictionary, namespace.uri)
        }
        schemeName = Self.lookup(dictionary, "schemeName")
        listName = Self.lookup(dictionary, "listName")
        currencyID = Self.lookup(dictionary, "currencyID")
        languageID = Self.lookup(dictionary, "languageID")
    }

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

    private static func lookup(_ dictionary: OpaquePointer, _ name: String) -> UnsafePointer<xmlChar>? {
        name.withCString { xmlDictLookup(dictionary, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1) }
    }
}
