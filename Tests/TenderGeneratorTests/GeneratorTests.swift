import Testing
import TenderGenerator

@Test func generatorModuleExists() {
    #expect(String(describing: MarketGenerator.self) == "MarketGenerator")
}
