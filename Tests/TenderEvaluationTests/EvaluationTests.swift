import Testing
import TenderEvaluation

@Suite("Evaluation against the truth")
struct EvaluationTests {
    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    /// Schemes A (a1, a2) and B (b1), camouflage c1, background n1 and n2: 6 procedures.
    static let truth = PlantedTruth(procedures: 6, seed: "7", schemes: ["A", "B", "unused"],
                                    planted: ["a1": ["A"], "a2": ["A"], "b1": ["B"]], camouflaged: ["c1"])

    static func report(_ scores: [(String, Double)]) -> [ScoredProcedure] {
        scores.map { ScoredProcedure(id: $0.0, score: $0.1) }
    }

    @Test func eachSchemeIsRankedAgainstTheBackgroundOnly() throws {
        let evaluation = Evaluation(
            report: Self.report([("b1", 10), ("a1", 8), ("n1", 5), ("c1", 5), ("a2", 1), ("n2", 0)]), truth: Self.truth)
        #expect(evaluation.warnings.isEmpty)
        #expect(evaluation.schemes.map(\.scheme) == ["A", "B", "unused"])

        let overall = evaluation.overall
        #expect(overall.positives == 3 && overall.negatives == 3 && overall.camouflage == 1)
        #expect(overall.atPlanted?.precision == 2.0 / 3)
        // 2 positives + n1/c1 tie for places 3–4 + a2 at 5: 3 in the first 6.
        #expect(overall.atTwicePlanted?.recall == 1)

        // A: b1 is left out, so a1 is first; n1 and c1 tie for places 2–3.
        let schemeA = evaluation.schemes[0].metrics
        #expect(schemeA.positives == 2 && schemeA.negatives == 3)
        #expect(Self.close(schemeA.atPlanted?.precision, 0.5))
        #expect(Self.close(schemeA.atPlanted?.camouflageShare, 0.25))
        #expect(Self.close(schemeA.averagePrecision, (1 + 2.0 / 4) / 2))
        #expect(Self.close(schemeA.rocAUC, 4.0 / 6))

        // B: first of all.
        let schemeB = evaluation.schemes[1].metrics
        #expect(schemeB.positives == 1 && schemeB.negatives == 3)
        #expect(schemeB.averagePrecision == 1 && schemeB.rocAUC == 1)
        #expect(Self.close(schemeB.atTwicePlanted?.camouflageShare, 0.25))

        let unused = evaluation.schemes[2].metrics
        #expect(unused.positives == 0 && unused.averagePrecision == nil && unused.atPlanted == nil)
    }

    @Test func proceduresMissingFromACutReportRankLastTied() throws {
        // Cut after 3: a2, n2 and c1 are missing.
        let evaluation = Evaluation(report: Self.report([("b1", 10), ("a1", 8), ("n1", 5)]), truth: Self.truth)
        let coverage = evaluation.coverage
        #expect(coverage.listed == 3 && coverage.missingPlanted == 1 && coverage.missingCamouflaged == 1)
        #expect(coverage.missingBackground == 1 && coverage.unaccounted == 0)
        #expect(evaluation.warnings == [
            "1 planted and 1 camouflaged procedures are not in the report (cut with --top or --min-score?): they "
                + "count as ranked below every listed procedure, tied with each other and with the 1 other unlisted "
                + "procedures",
        ])
        // Overall: b1, a1, n1, then a2, c1, n2 tied.
        #expect(evaluation.overall.negatives == 3)
        let tied: Double = (3.0 / 4 + 3.0 / 5 + 3.0 / 6) / 3
        #expect(Self.close(evaluation.overall.averagePrecision, (1 + 1 + tied) / 3))
        #expect(Self.close(evaluation.overall.atTwicePlanted?.camouflageShare, 1.0 / 6))
        // A: a1, n1, then a2 c1 n2 tied: a2 beats n1 never, ties with c1 and n2.
        #expect(Self.close(evaluation.schemes[0].metrics.rocAUC, (3 + 1) / 6.0))
    }

    @Test func aReportOfAnotherCorpusIsWarnedAbout() {
        let evaluation = Evaluation(report: Self.report((1...8).map { ("x\($0)", Double($0)) }), truth: Self.truth)
        #expect(evaluation.coverage.unaccounted == 6)
        #expect(evaluation.warnings.count == 2)
        #expect(evaluation.warnings[0].hasPrefix("none of the truth's 4 planted or camouflaged procedures"))
        #expect(evaluation.warnings[1].hasPrefix("the report lists 6 more procedures"))
    }

    @Test func theTableAndTheJSONAreDeterministicAndComplete() throws {
        let report = Self.report([("b1", 10), ("a1", 8), ("n1", 5), ("c1", 5), ("a2", 1), ("n2", 0)])
        let evaluation = Evaluation(report: report, truth: Self.truth)
        let reversed = Evaluation(report: report.reversed(), truth: Self.truth)
        let table = EvaluationTable.render(evaluation, report: "r.json", truth: "t.json", seed: "7")
        #expect(table == EvaluationTable.render(reversed, report: "r.json", truth: "t.json", seed: "7"))
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "report r.json: 6 procedures listed")
        #expect(lines[1] == "truth t.json (seed 7): 6 procedures, 3 planted, 1 camouflaged")
        #expect(lines[3] == "scheme   planted    P@k    R@k   P@2k   R@2k     AP    AUC  camo@k  camo@2k")
        // Overall: b1, a1, {n1, c1}, a2, n2. At k = 3 one place of the n1/c1 tie: camouflage 1/2 of 1 in 3.
        // AP (1 + 1 + 3/5) / 3; AUC: 3 + 3 + 1 wins of 9.
        #expect(lines[4] == "overall        3  0.667  0.667  0.500  1.000  0.867  0.778   0.167    0.167")
        // A: a1, {n1, c1}, a2, n2.
        #expect(lines[5] == "A              2  0.500  0.500  0.500  1.000  0.750  0.667   0.250    0.250")
        #expect(lines[7] == "unused         0      -      -      -      -      -      -       -        -")

        let json = EvaluationJSON.render(evaluation, report: "r.json", truth: "t\"q.json", seed: "7")
        #expect(json == EvaluationJSON.render(reversed, report: "r.json", truth: "t\"q.json", seed: "7"))
        #expect(json.hasPrefix("{\"report\":\"r.json\",\"truth\":\"t\\\"q.json\",\"seed\":7,\n"))
        #expect(json.contains("\"overall\":{\"planted\":3,\"negatives\":3,\"camouflage\":1,\"atPlanted\":{\"k\":3,"
            + "\"precision\":0.666667,\"recall\":0.666667,\"camouflageShare\":0.166667},"))
        #expect(json.contains("{\"scheme\":\"unused\",\"planted\":0,\"negatives\":3,\"camouflage\":1,"
            + "\"atPlanted\":null,\"atTwicePlanted\":null,\"averagePrecision\":null,\"rocAUC\":null}"))
        #expect(json.hasSuffix("\"warnings\":[]}\n"))
    }
}
