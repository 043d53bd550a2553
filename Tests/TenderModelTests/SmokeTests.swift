import Testing
import TenderModel

@Test func decimalRoundTrip() {
    #expect(DecimalNumber("150000.00")?.description == "150000.00")
}
