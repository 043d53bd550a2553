import Testing
import TenderModel

@Suite("Amount")
struct AmountTests {
    @Test("amounts of at most one unit are placeholders", arguments: [
        ("0", true),
        ("0.00", true),
        ("0.01", true),
        ("0.99", true),
        ("1", true),
        ("1.00", true),
        ("1.00000000000000000", true),
        ("1.00000000000000001", false),
        ("0.999999999999999999", true),
        ("1.01", false),
        ("2", false),
        ("100", false),
        ("150000.00", false),
    ])
    func placeholder(value: String, isPlaceholder: Bool) throws {
        let amount = Amount(value: try #require(DecimalNumber(value)), currency: "EUR")
        #expect(amount.isPlaceholder == isPlaceholder)
    }

    @Test("placeholder detection does not depend on the currency")
    func placeholderWithoutCurrency() {
        #expect(Amount(value: DecimalNumber(1), currency: nil).isPlaceholder)
        #expect(!Amount(value: DecimalNumber(100), currency: nil).isPlaceholder)
    }

    @Test("description is the value as written, then the currency when known")
    func description() throws {
        let value = try #require(DecimalNumber("150000.00"))
        #expect(Amount(value: value, currency: "EUR").description == "150000.00 EUR")
        #expect(Amount(value: value, currency: nil).description == "150000.00")
        #expect(Amount(value: try #require(DecimalNumber("-0.50")), currency: "PLN").description == "-0.50 PLN")
    }

    @Test("equality is numeric in the value and exact in the currency")
    func equality() throws {
        let one = Amount(value: try #require(DecimalNumber("1.0")), currency: "EUR")
        let oneAgain = Amount(value: try #require(DecimalNumber("1.00")), currency: "EUR")
        #expect(one == oneAgain)
        #expect(one.hashValue == oneAgain.hashValue)
        #expect(one != Amount(value: DecimalNumber(1), currency: "CZK"))
        #expect(one != Amount(value: DecimalNumber(1), currency: nil))
        #expect(Set([one, oneAgain]).count == 1)
    }
}
