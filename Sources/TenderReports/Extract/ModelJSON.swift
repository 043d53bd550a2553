import TenderModel

/// JSON renderings of model values, shared by every report (docs/extract-format.md).
extension JSONWriter {
    /// `{"amount": "150000.00", "currency": "EUR"}` (+ `"placeholder": true`), or null.
    public mutating func amount(_ amount: Amount?) {
        guard let amount else { return null() }
        beginObject()
        field("amount", amount.value.description)
        field("currency", amount.currency)
        if amount.isPlaceholder { field("placeholder", true) }
        endObject()
    }

    public mutating func field(_ name: String, amount: Amount?) {
        key(name)
        self.amount(amount)
    }

    /// A value, `{"withheld": true, …}`, or null.
    public mutating func reported<Value>(_ value: Reported<Value>, _ write: (inout JSONWriter, Value) -> Void) {
        switch value {
        case .known(let value): write(&self, value)
        case .withheld(let withholding): self.withholding(withholding)
        case .unknown: null()
        }
    }

    public mutating func withholding(_ withholding: Withholding) {
        beginObject()
        field("withheld", true)
        field("field", withholding.field)
        field("reason", withholding.reasonCode)
        field("until", withholding.releaseDate?.description)
        endObject()
    }

    public mutating func field(_ name: String, reported value: Reported<String>) {
        key(name)
        reported(value) { $0.string($1) }
    }

    public mutating func field(_ name: String, reported value: Reported<Int>) {
        key(name)
        reported(value) { $0.integer($1) }
    }

    public mutating func field(_ name: String, reported value: Reported<Bool>) {
        key(name)
        reported(value) { $0.bool($1) }
    }

    public mutating func field(_ name: String, reported value: Reported<Amount>) {
        key(name)
        reported(value) { $0.amount($1) }
    }

    public mutating func field(_ name: String, date: CalendarDate?) {
        field(name, date?.description)
    }

    public mutating func field(_ name: String, time: TimeOfDay?) {
        field(name, time?.description)
    }

    /// `{"key", "keySource", "name", "nationalId", "country", "town", "nuts"}` plus extras.
    public mutating func organizationFields(_ organization: Organization) {
        let key = organization.key
        field("key", key.value)
        field("keySource", key.source.rawValue)
        field("name", organization.name)
        field("nationalId", organization.nationalId)
        field("country", organization.country)
        field("town", organization.town)
        field("nuts", organization.nuts)
    }

    public mutating func diagnostic(_ diagnostic: Diagnostic) {
        beginObject()
        field("file", diagnostic.location.file)
        field("line", diagnostic.location.line)
        field("column", diagnostic.location.column)
        field("kind", diagnostic.kind.rawValue)
        field("message", diagnostic.message)
        endObject()
    }
}
