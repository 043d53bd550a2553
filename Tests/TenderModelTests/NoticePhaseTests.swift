import Testing
import TenderModel

@Suite("NoticePhase")
struct NoticePhaseTests {
    static let formTypes: [(String, NoticePhase)] = [
        ("planning", .planning),
        ("competition", .competition),
        ("result", .result),
        ("dir-awa-pre", .result),
        ("cont-modif", .modification),
        ("completion", .completion),
        ("change", .change),
    ]

    static let noticeTypes: [(String, NoticePhase)] = [
        ("pin-only", .planning),
        ("pin-buyer", .planning),
        ("pin-rtl", .planning),
        ("pin-tran", .planning),
        ("pmc", .planning),
        // Business registration notices (form type `bri`) are not procurement.
        ("brin-ecs", .unknown),
        ("brin-eeig", .unknown),
        ("pin-cfc-standard", .competition),
        ("pin-cfc-social", .competition),
        ("qu-sy", .competition),
        ("cn-standard", .competition),
        ("cn-social", .competition),
        ("cn-desg", .competition),
        ("subco", .competition),
        ("veat", .result),
        ("can-standard", .result),
        ("can-social", .result),
        ("can-desg", .result),
        ("can-tran", .result),
        ("can-modif", .modification),
        ("compl", .completion),
        ("corr", .change),
    ]

    @Test("classifies by form type", arguments: formTypes)
    func byFormType(formType: String, phase: NoticePhase) {
        #expect(NoticePhase(formType: formType, noticeType: nil) == phase)
    }

    @Test("the form type wins over a notice type that says otherwise", arguments: formTypes)
    func formTypeFirst(formType: String, phase: NoticePhase) {
        #expect(NoticePhase(formType: formType, noticeType: "can-standard") == phase)
        #expect(NoticePhase(formType: formType, noticeType: "cn-standard") == phase)
        #expect(NoticePhase(formType: formType, noticeType: "bogus") == phase)
    }

    @Test("falls back to the notice type when the form type is missing", arguments: noticeTypes)
    func byNoticeTypeWithoutFormType(noticeType: String, phase: NoticePhase) {
        #expect(NoticePhase(formType: nil, noticeType: noticeType) == phase)
    }

    @Test("falls back to the notice type when the form type is unknown", arguments: noticeTypes)
    func byNoticeTypeWithUnknownFormType(noticeType: String, phase: NoticePhase) {
        #expect(NoticePhase(formType: "bri", noticeType: noticeType) == phase)
        #expect(NoticePhase(formType: "", noticeType: noticeType) == phase)
        #expect(NoticePhase(formType: "Competition", noticeType: noticeType) == phase)
    }

    @Test("unknown when neither code is known", arguments: [
        (nil, nil),
        ("", ""),
        ("bri", nil),
        (nil, "bogus"),
        ("bogus", "bogus"),
        ("PLANNING", "CN-STANDARD"),
        (" planning", "cn-standard "),
        ("planning\n", nil),
    ] as [(String?, String?)])
    func unknownCodes(formType: String?, noticeType: String?) {
        #expect(NoticePhase(formType: formType, noticeType: noticeType) == .unknown)
    }

    @Test("covers every code the source lists, and every phase is reachable")
    func coverage() {
        let reached = Set(Self.formTypes.map(\.1) + Self.noticeTypes.map(\.1) + [NoticePhase(formType: nil, noticeType: nil)])
        #expect(reached == Set(NoticePhase.allCases))
        #expect(NoticePhase.allCases.map(\.rawValue) == [
            "planning", "competition", "result", "modification", "completion", "change", "unknown",
        ])
    }
}
