import Testing
import TenderEvaluation

@Suite("Truth reader")
struct TruthReaderTests {
    /// The shape of `generate --truth`: counts, planted, camouflaged, groups.
    static let truth = #"""
        {"generator":{"name":"tenderscreen generate","version":"1.0.0"},"seed":18446744073709551615,"procedures":9,
        "rates":{"cartel-rotation":0.02,"favoured-supplier":0.015},
        "schemes":{"cartel-rotation":2,"favoured-supplier":1,"identical-bids":0},
        "camouflage":{"niche-single-bid":1,"justified-urgency":1},
        "planted":[
        {"procedure":"p1","schemes":[{"scheme":"cartel-rotation","lots":["LOT-0001"],"group":"ring-0001","detail":"turn 1 of 6; \"quoted\""}]},
        {"procedure":"p2","schemes":[{"scheme":"cartel-rotation","lots":["LOT-0001"],"detail":"x"},{"scheme":"favoured-supplier","lots":[],"detail":"y"}]}],
        "camouflaged":[
        {"procedure":"c1","kind":"niche-single-bid","lots":["LOT-0001"],"detail":"one bidder"},
        {"procedure":"c2","kind":"justified-urgency","lots":["LOT-0001"],"detail":"20 days"}],
        "groups":[
        {"group":"ring-0001","scheme":"cartel-rotation","market":"FRA 72","members":["1","2"],"procedures":["p1"]}]}

        """#

    @Test func theTruthGivesProceduresSchemesAndCamouflage() throws {
        let truth = try TruthReader.truth(MemoryBytes(Self.truth, chunkSize: 4))
        #expect(truth.procedures == 9)
        #expect(truth.seed == "18446744073709551615")
        #expect(truth.schemes == ["cartel-rotation", "favoured-supplier", "identical-bids"])
        #expect(truth.planted == ["p1": ["cartel-rotation"], "p2": ["cartel-rotation", "favoured-supplier"]])
        #expect(truth.camouflaged == ["c1", "c2"])
        #expect(truth.count(of: "cartel-rotation") == 2)
        #expect(truth.background == 5)
    }

    @Test(arguments: [
        ("{\"procedures\":3,\"planted\":[]}", "not a truth file of tenderscreen generate --truth: no \"camouflaged\""),
        ("{\"planted\":[],\"camouflaged\":[]}", "not a truth file of tenderscreen generate --truth: no \"procedures\""),
        ("{\"procedures\":-1,\"planted\":[],\"camouflaged\":[]}",
         "1:15: \"procedures\" must be a count (a whole number, at least 0), not -1"),
        ("{\"procedures\":2,\"schemes\":{\"a\":2},\n\"planted\":[{\"procedure\":\"x\",\"schemes\":[{\"scheme\":\"a\"}]}],\"camouflaged\":[]}",
         "1: \"schemes\" says 2 a procedures, \"planted\" lists 1"),
        ("{\"procedures\":1,\"planted\":[{\"procedure\":\"x\",\"schemes\":[{\"scheme\":\"a\"}]}],\"camouflaged\":[{\"procedure\":\"y\"}]}",
         "\"procedures\" is 1, fewer than the 1 planted and 1 camouflaged procedures listed"),
        ("{\"procedures\":5,\"planted\":[{\"procedure\":\"x\",\"schemes\":[]}],\"camouflaged\":[]}",
         "1: planted procedure x has no scheme"),
        ("{\"procedures\":5,\"planted\":[{\"procedure\":\"x\",\"schemes\":[{\"scheme\":\"a\"}]},\n{\"procedure\":\"x\",\"schemes\":[{\"scheme\":\"b\"}]}],\"camouflaged\":[]}",
         "2: planted procedure x is listed twice"),
        ("{\"procedures\":5,\"planted\":[],\"camouflaged\":[]} {}", "1:48: more JSON after the end of the truth"),
        ("{\"schemaVersion\":1,\"procedures\":[]}", "1:33: \"procedures\" is an array: a screen report, not a truth file"),
    ])
    func invalidTruthIsRefused(text: String, message: String) {
        do {
            let truth = try TruthReader.truth(MemoryBytes(text))
            Issue.record("accepted: \(truth)")
        } catch {
            #expect(error.description == message)
        }
    }
}
