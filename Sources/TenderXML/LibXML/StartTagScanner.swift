#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the attributes of each start tag before libxml2 sees the bytes.
///
/// libxml2 2.9's check for duplicate attributes is quadratic in their number: one start tag
/// with 200,000 attributes (2 MB) takes 23 s, and a tag just under libxml2's 10 MB limit
/// would take about 20 minutes. No notice has more than a dozen attributes on an element,
/// so a tag with more than the limit is refused before it is parsed. The scan jumps between
/// `<` with `memchr` and reads only the bytes of tags; its state carries across chunks.
struct StartTagScanner {
    private enum State {
        case text
        case afterLess
        case tag
        case quoted(UInt8)
        /// `</…>`, `<!…>`, `<?…>`: no attributes to count.
        case markup
    }

    private var state = State.text
    private var equals = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// False when a start tag in `bytes` has more than `limit` attributes.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            switch state {
            case .text:
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { return true }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                state = .afterLess
            case .afterLess:
                let byte = base[index]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                    state = .markup
                    index += 1
                } else {
                    state = .tag
                    equals = 0
                }
            case .tag:
                while index < count {
                    let byte = base[index]
                    index += 1
                    if byte == UInt8(ascii: "=") {
                        equals += 1
                        if equals > limit { return false }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        state = .quoted(byte)
                        break
                    } else if byte == UInt8(ascii: ">") {
                        state = .text
                        break
                    }
                }
            case .quoted(let quote):
                guard let found = memchr(base + index, Int32(quote), count - index) else { return true }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                state = .tag
            case .markup:
                guard let found = memchr(base + index, Int32(UInt8(ascii: ">")), count - index) else { return true }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                state = .text
            }
        }
        return true
    }
}
