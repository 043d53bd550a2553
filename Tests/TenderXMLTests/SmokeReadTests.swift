import Testing
import TenderModel
import TenderXML

@Test func readsCommentedCAN() throws {
    let reader = EFormsReader()
    let notice = try reader.read(file: "/work/shared/corpus/eforms/sdk-examples-1.15.1/can_24_FRA_comments.xml")
    print(notice)
    #expect(notice.procedureId == "e3cdabf1-e057-47a5-9210-b1f6fc757228")
}
