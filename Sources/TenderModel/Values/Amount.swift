/// A monetary amount with its currency (`@currencyID`), exact.
public struct Amount: Sendable, Hashable, CustomStringConvertible {
    public var value: DecimalNumber
    /// ISO 4217 code as written; `nil` when the notice omitted `@currencyID`.
    public var currency: String?

    public init(value: DecimalNumber, currency: String?) {
        self.value = value
        self.currency = currency
    }

    /// Amounts of at most one currency unit (`0`, `0.01`, `1`) are stand-ins that
    /// publishers type when the form demands a value they will not give; they are not prices.
    public var isPlaceholder: Bool {
        value <= DecimalNumber(1)
    }

    public var description: String {
        currency.map { "\(value) \($0)" } ?? value.description
    }

    /// The exact sum of `items`' amounts, in their one currency. `nil` when there is no item,
    /// when `amount` gives `nil` for one (the items after it are not read), when currencies
    /// differ, or when the sum overflows.
    public static func sum<Items: Sequence>(_ items: Items, _ amount: (Items.Element) -> Amount?) -> Amount? {
        var total: Amount?
        for item in items {
            guard let next = amount(item) else { return nil }
            guard let sum = total else {
                total = next
                continue
            }
            guard sum.currency == next.currency, let value = sum.value + next.value else { return nil }
            total = Amount(value: value, currency: sum.currency)
        }
        return total
    }
}
