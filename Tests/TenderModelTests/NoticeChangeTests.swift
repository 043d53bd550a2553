import Testing
import TenderModel

@Suite("NoticeChange")
struct NoticeChangeTests {

    @Test("defaults are empty")
    func defaults() {
        let change = NoticeChange()
        #expect(change.changedNotice == nil)
        #expect(change.reasonCode == nil)
        #expect(change.reasonDescription == nil)
        #expect(change.items.isEmpty)
        #expect(ChangeItem().sections.isEmpty)
        #expect(ChangeItem().description == nil)
    }

    @Test("keeps what it is given")
    func keepsFields() {
        let item = ChangeItem(description: "Deadline extended", sections: ["LOT-0001", "PROCEDURE"])
        let change = NoticeChange(changedNotice: "x", reasonCode: "update-add", reasonDescription: "why", items: [item])
        #expect(change.reasonCode == "update-add")
        #expect(change.reasonDescription == "why")
        #expect(change.items == [item])
        #expect(change.items.first?.sections == ["LOT-0001", "PROCEDURE"])
        #expect(change != NoticeChange(changedNotice: "x", reasonCode: "update-add", reasonDescription: "why"))
    }
}

@Suite("NoticeChange.changedNoticeCandidates")
struct NoticeChangeTargetTests {
    @Test func theIdAsWrittenThenWithoutItsVersion() {
        let id = "c4c415ee-ac08-4465-8fa6-57568cf69462"
        #expect(NoticeChange(changedNotice: id + "-01").changedNoticeCandidates == [id + "-01", id])
        #expect(NoticeChange(changedNotice: "CN-01").changedNoticeCandidates == ["CN-01", "CN"])
        #expect(NoticeChange(changedNotice: "123456-2023").changedNoticeCandidates == ["123456-2023", "123456"])
        #expect(NoticeChange(changedNotice: id + "-xx").changedNoticeCandidates == [id + "-xx"])
        #expect(NoticeChange(changedNotice: "CN-").changedNoticeCandidates == ["CN-"])
        #expect(NoticeChange().changedNoticeCandidates.isEmpty)
    }
}
