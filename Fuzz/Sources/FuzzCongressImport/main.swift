import AtelierCore
import Foundation
import FuzzSupport

// A congress-json file comes from outside (`atelier import --input`): any bytes must read as a
// header or be refused with a reason. PostgreSQL writes the real dumps (jsonb_pretty), so the
// writer here is Foundation's, pretty-printed with sorted keys as jsonb's are: a document
// accepted, written again and read back, must name the same congress.
runFuzzer { data, size in
    let header: CongressDumpHeader
    do throws(CongressDumpHeader.Flaw) {
        header = try CongressDumpHeader.read(bytes(data, size))
    } catch {
        invariant(!error.reason.isEmpty, "refused without a reason")
        return 0
    }
    let document = try? JSONSerialization.jsonObject(with: Data(bytes: data!, count: size))
    guard let document, let written = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    else {
        invariant(false, "accepted \(header), but Foundation cannot write the document back")
        return 0
    }
    let again = Result { () throws(CongressDumpHeader.Flaw) in try CongressDumpHeader.read(Array(written)) }
    invariant(again == .success(header), "\(header) read back as \(again)")
    return 0
}
