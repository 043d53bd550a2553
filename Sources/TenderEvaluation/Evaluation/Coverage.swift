/// How the report's procedures match the truth's corpus.
public struct Coverage: Sendable, Hashable {
    /// Procedures in the report.
    public var listed: Int
    /// Procedures in the truth's corpus.
    public var corpus: Int
    public var planted: Int
    public var camouflaged: Int
    /// Planted procedures the report does not list.
    public var missingPlanted: Int
    /// Camouflaged procedures the report does not list.
    public var missingCamouflaged: Int
    /// Other procedures of the corpus the report does not list (its count less those listed).
    public var missingBackground: Int
    /// Listed procedures beyond the corpus's count: the report is of another corpus.
    public var unaccounted: Int

    /// What the user must know to read the measures, one sentence each.
    public var warnings: [String] {
        var warnings: [String] = []
        let truthProcedures = planted + camouflaged
        let missingTruth = missingPlanted + missingCamouflaged
        if truthProcedures > 0, missingTruth == truthProcedures {
            warnings.append("none of the truth's \(truthProcedures) planted or camouflaged procedures is in the "
                + "report: is the truth that of the screened corpus?")
        } else if missingTruth > 0 {
            warnings.append("\(missingPlanted) planted and \(missingCamouflaged) camouflaged procedures are not in "
                + "the report (cut with --top or --min-score?): they count as ranked below every listed "
                + "procedure, tied with each other and with the \(missingBackground) other unlisted procedures")
        } else if missingBackground > 0 {
            warnings.append("\(missingBackground) of the corpus's \(corpus) procedures are not in the report: they "
                + "count as ranked below every listed procedure, tied with each other")
        }
        if unaccounted > 0 {
            warnings.append("the report lists \(unaccounted) more procedures than the truth's corpus of \(corpus) "
                + "has: is the truth that of the screened corpus?")
        }
        return warnings
    }
}
