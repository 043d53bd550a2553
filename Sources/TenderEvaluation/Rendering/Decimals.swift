/// Fixed-point text for measures, the same on every platform (no locale, no `printf`).
enum Decimals {
    /// `value` rounded to `places` decimals, all of them written: `0.500`.
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = String(units % Int64(scale))
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(whole) + (places > 0 ? "." + fraction : "")
    }

    /// As ``fixed(_:places:)`` without trailing zeros: `0.5`, `1`.
    static func trimmed(_ value: Double, places: Int) -> String {
        var text = fixed(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
