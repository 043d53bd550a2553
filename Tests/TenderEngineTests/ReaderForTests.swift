import TenderModel
import TenderXML

/// A reader whose errors are ordinary `Error`s, for `try` in tests.
struct TenderXMLReaderForTests {
    let reader = EFormsReader()

    func read(_ path: String) throws -> Notice {
        try reader.read(file: path)
    }
}
