import Testing
import TenderModel

@Suite("NoticeChange")
struct NoticeChangeTests {
    @Test("strips the version from an eForms notice reference", arguments: [
        ("c4c415ee-ac08-4465-8fa6-57568cf69462-01", "c4c415ee-ac08-4465-8fa6-57568cf69462"),
        ("c4c415ee-ac08-4465-8fa6-57568cf69462-1", "c4c415ee-ac08-4465-8fa6-57568cf69462"),
        ("c4c415ee-ac08-4465-8fa6-57568cf69462-123", "c4c415ee-ac08-4465-8fa6-57568cf69462"),
        ("C4C415EE-AC08-4465-8FA6-57568CF69462-02", "C4C415EE-AC08-4465-8FA6-57568CF69462"),
    ])
    func stripsVersion(reference: String, expected: String) {
        #expect(NoticeChange.stripVersionSuffix(reference) == expected)
    }

    @Test("leaves other references unchanged", arguments: [
        "c4c415ee-ac08-4465-8fa6-57568cf69462",
        "c4c415ee-ac08-4465-8fa6-575681169462",
        "12345-2023",
        "00012345-2023",
        "2023/S 123-456789",
        "c4c415ee-ac08-4465-8fa6-57568cf69462-",
        "c4c415ee-ac08-4465-8fa6-57568cf69462-v1",
        "c4c415ee-ac08-4465-8fa6-57568cf69462-01-02",
        "c4c415ee-ac08-4465-8fa6-57568cf69462-٠١",
        "",
        "-",
    ])
    func leavesOthersUnchanged(reference: String) {
        #expect(NoticeChange.stripVersionSuffix(reference) == reference)
    }

    @Test("changedNoticeId is the changed notice without its version")
    func changedNoticeId() {
        #expect(NoticeChange().changedNoticeId == nil)
        #expect(NoticeChange(changedNotice: "c4c415ee-ac08-4465-8fa6-57568cf69462-01").changedNoticeId
            == "c4c415ee-ac08-4465-8fa6-57568cf69462")
        #expect(NoticeChange(changedNotice: "12345-2023").changedNoticeId == "12345-2023")
    }

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

@Suite("NoticeChange.changes(noticeId:)")
struct NoticeChangeTargetTests {
    @Test func matchesTheNoticeIdWithOrWithoutItsVersion() {
        let id = "c4c415ee-ac08-4465-8fa6-57568cf69462"
        let withVersion = NoticeChange(changedNotice: id + "-01")
        #expect(withVersion.changes(noticeId: id))
        #expect(withVersion.changes(noticeId: id, version: "01"))
        #expect(!withVersion.changes(noticeId: id, version: "02"))
        #expect(NoticeChange(changedNotice: id).changes(noticeId: id))
        #expect(NoticeChange(changedNotice: "CN-01").changes(noticeId: "CN"))
        #expect(!NoticeChange(changedNotice: "CN-01").changes(noticeId: "C"))
        #expect(!NoticeChange(changedNotice: id + "-xx").changes(noticeId: id))
        #expect(!NoticeChange().changes(noticeId: id))
    }
}
