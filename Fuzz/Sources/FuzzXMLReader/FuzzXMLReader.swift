// libFuzzer target: the secure XML reader, then the writer's round trip.
//
// Any XMLError the reader throws is an answer, not a failure. A failure is a crash, a hang, a
// leak or memory beyond the limits (libFuzzer and AddressSanitizer catch those), or a broken
// round trip, which traps here so that libFuzzer records the input:
//   - a document the reader accepted must be writable by XMLWriter, unless a character in it
//     cannot be carried by XML 1.0 (`unrepresentable`: an XML 1.1 document can hold one);
//   - what XMLWriter wrote must parse again;
//   - writing the re-parsed tree must give the same bytes (XMLWriter's documented fixpoint).

import Foundation
import ScholionXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLReader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let document: XMLDocument
    do {
        document = try XMLReader.parse(data, fileName: "fuzz.xml")
    } catch {
        return 0
    }
    let written: String
    do {
        written = try XMLWriter.serialize(document.root)
    } catch {
        if case .unrepresentable = error { return 0 }
        fatalError("XMLWriter cannot write a document XMLReader accepted: \(error)")
    }
    let reparsed: XMLDocument
    do {
        reparsed = try XMLReader.parse(Data(written.utf8), fileName: "round-trip.xml")
    } catch {
        fatalError("XMLWriter's output does not parse: \(error)\n--- written ---\n\(written)")
    }
    let rewritten: String
    do {
        rewritten = try XMLWriter.serialize(reparsed.root)
    } catch {
        fatalError("XMLWriter cannot write its own re-parsed output: \(error)\n--- written ---\n\(written)")
    }
    guard Array(rewritten.utf8) == Array(written.utf8) else {
        fatalError("write → parse → write is not a fixpoint\n--- first ---\n\(written)\n--- second ---\n\(rewritten)")
    }
    return 0
}
