import Testing
import TenderEvaluation

@Suite("Screen report reader")
struct ScreenReportReaderTests {
    /// A report in the shape of `screen --format json`, with ids and scores inside findings
    /// that must not be taken for the procedure's.
    static let document = #"""
        {"schemaVersion":1,"generator":{"name":"tenderscreen","version":"0.1.0"},"summary":{"files":3,"notices":3,"procedures":3,"flaggedProcedures":2,"notCheckableFindings":0,"errors":0},"indicators":[{"id":"single-bid","name":"Single bid","phase":"award"}],"populations":[{"indicator":"price-close-to-winner","statistics":{"count":3,"q1":0.1,"score":7}}],"procedures":[
        {"rank":1,"id":"b-\"quoted\"-\u00e9","score":25.5,"title":"Works \\ [1] {x}","procedureType":{"code":"open","score":99},"valueAtStake":null,"buyers":[{"key":"FRA/1","name":null,"country":"FRA"}],"notices":[{"id":"notice-1","noticeType":"cn-standard","publicationId":null,"file":"a.xml"}],"checks":{"flagged":1,"clear":0,"insufficientData":0,"notApplicable":0},"findings":[{"indicator":"single-bid","status":"flagged","lot":"LOT-0001","contribution":25.5,"message":"1 tender","evidence":{"id":"evidence-id","score":1e3,"nested":[[{"id":"deeper"}]]},"threshold":null}]},
        {"rank":2,"score":1.0e1,"id":"a","title":null,"procedureType":null,"buyers":[],"notices":[],"checks":{"flagged":0,"clear":0,"insufficientData":0,"notApplicable":0},"findings":[]},
        {"rank":3,"id":"c","score":0.0,"findings":[]}],"errors":[{"file":"x.xml","line":null,"column":null,"message":"bad id \"procedures\""}]}

        """#

    static let expected = [ScoredProcedure(id: "b-\"quoted\"-é", score: 25.5), ScoredProcedure(id: "a", score: 10),
                           ScoredProcedure(id: "c", score: 0)]

    @Test(arguments: [1, 5, 1 << 20])
    func aDocumentGivesEachProceduresIdAndScore(chunkSize: Int) throws {
        let procedures = try ScreenReportReader.procedures(MemoryBytes(Self.document, chunkSize: chunkSize))
        #expect(procedures == Self.expected)
    }

    @Test func jsonLinesGiveOneProcedureALine() throws {
        // The same procedures as JSON Lines: the document's procedure lines, without the array.
        let lines = Self.document.split(separator: "\n").map(String.init)
        let jsonl = lines[1].dropLast() + "\n" + lines[2].dropLast() + "\n"
            + "{\"rank\":3,\"id\":\"c\",\"score\":0.0,\"findings\":[]}\n"
        let procedures = try ScreenReportReader.procedures(MemoryBytes(jsonl, chunkSize: 3))
        #expect(procedures == Self.expected)
    }

    @Test(arguments: [
        ("", "empty: not a screen report"),
        ("  \n ", "empty: not a screen report"),
        ("[1, 2]", "1:1: expected an object: a screen report (--format json) or one procedure a line (--format jsonl)"),
        ("{\"procedures\":[{\"id\":\"a\"}]}", "1: procedure a has no \"score\""),
        ("{\"procedures\":[\n{\"score\":1}]}", "2: a procedure without \"id\""),
        ("{\"procedures\":[{\"id\":\"a\",\"score\":\"1\"}]}", "1:34: a procedure's \"score\" must be a number"),
        ("{\"procedures\":[{\"id\":\"a\",\"score\":null}]}", "1:34: a procedure's \"score\" must be a number"),
        ("{\"procedures\":[{\"id\":7,\"score\":1}]}", "1:22: a procedure's \"id\" must be a string"),
        ("{\"procedures\":[{\"id\":\"a\",\"score\":1}", "1:36: unexpected end of input, expected ',' or ']'"),
        ("{\"procedures\":[{\"id\":\"a\",\"score\":1}]}\n{\"id\":\"b\",\"score\":1}", "2:1: more JSON after the end of the report"),
        ("{\"id\":\"a\",\"score\":1}\n{\"id\":\"a\",\"score\":2}", "2: procedure a is listed twice"),
        ("{\"id\":\"a\",\"score\":1}\n{\"schemaVersion\":1}", "2: neither a screen report (no \"procedures\") nor a procedure (no \"id\", no \"score\")"),
        ("{\"seed\":1,\"procedures\":300,\"planted\":[]}", "1:24: \"procedures\" is not an array: not a screen report"),
        ("{\"id\":\"a\",\"score\":1}]", "1:21: unexpected closing bracket"),
    ])
    func invalidReportsAreRefusedWithTheirPlace(text: String, message: String) {
        do {
            let procedures = try ScreenReportReader.procedures(MemoryBytes(text))
            Issue.record("accepted: \(procedures)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aFileThatCannotBeOpenedIsNamed() {
        do {
            _ = try ScreenReportReader.procedures(atPath: "/nonexistent/report.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "/nonexistent/report.json: cannot open: No such file or directory")
        }
    }
}
