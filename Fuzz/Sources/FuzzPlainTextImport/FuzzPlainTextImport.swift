// libFuzzer target: plain-text import, then the TEI round trip.
//
// Any ImportError is an answer (not UTF-8, binary, a control character, a line too long...).
// A failure is a crash, a hang, a leak or memory beyond the limits, or a broken round trip,
// which traps here so that libFuzzer records the input. For a text the importer accepted:
//   - the imported text is the file, byte for byte (import is lossless), but for a leading
//     UTF-8 byte-order mark, which the decoder may drop as an encoding signature;
//   - TEIWriter writes it (the decoder has refused whatever XML cannot carry);
//   - XMLReader parses what TEIWriter wrote, and TEIReader reads it back;
//   - the text read back is the imported text, scalar for scalar, with the same structure.

import Foundation
import Scholion
import ScholionXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainTextImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let document: TextDocument
    do {
        document = try PlainTextImporter().importText(data, fileName: "fuzz.txt", id: "fuzz")
    } catch {
        return 0
    }
    let imported = Array(document.text.utf8)
    let fileBytes = Array(data)
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    guard imported == fileBytes || (fileBytes.starts(with: byteOrderMark) && imported == Array(fileBytes.dropFirst(3))) else {
        fatalError("import is not lossless: the imported text differs from the file's bytes")
    }
    let xml: String
    do {
        xml = try TEIWriter.write(document)
    } catch {
        fatalError("TEIWriter cannot write an imported text: \(error)")
    }
    let parsed: XMLDocument
    do {
        parsed = try XMLReader.parse(Data(xml.utf8), fileName: "fuzz.xml")
    } catch {
        fatalError("TEIWriter's output does not parse: \(error)\n--- TEI ---\n\(xml)")
    }
    let reread: TextDocument
    do {
        reread = try TEIReader.read(parsed, id: document.id)
    } catch {
        fatalError("TEIReader cannot read TEIWriter's output: \(error)\n--- TEI ---\n\(xml)")
    }
    guard reread.text.unicodeScalars.elementsEqual(document.text.unicodeScalars) else {
        fatalError("the text read back from TEI is not the imported text\n--- TEI ---\n\(xml)")
    }
    guard reread.structure == document.structure else {
        fatalError("the structure read back from TEI is not the structure written\n--- TEI ---\n\(xml)")
    }
    guard reread.source == document.source else {
        fatalError("the source read back from TEI (\(reread.source)) is not the source written (\(document.source))")
    }
    return 0
}
