import Testing
import TenderModel

@Suite("counted nouns")
struct CountedTests {
    @Test func oneIsSingularEveryOtherCountPlural() {
        #expect(1.counted("day") == "1 day")
        #expect(0.counted("day") == "0 days")
        #expect(12.counted("day") == "12 days")
        #expect((-1).counted("day") == "-1 days")
        #expect(2.counted("analysis", plural: "analyses") == "2 analyses")
    }
}
