import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The checks: a complete registry, each check's own examples through the whole pipeline, and
/// the findings on the bundled corpus.
@Suite("Discrepancy checks")
struct CheckTests {
    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    /// A corpus built in memory from texts separated by "=====" lines.
    static func corpus(_ example: String) throws -> CheckedCorpus {
        let base = try #require(Self.base)
        let annotator = Annotator(base: base)
        let texts = try example.components(separatedBy: "\n=====\n").enumerated().map { index, text in
            let document = try PlainTextImporter().importText(Data(text.utf8), fileName: "example-\(index).txt", id: "example-\(index)")
            return CheckedCorpus.Text(document: document, result: annotator.annotate(document))
        }
        return CheckedCorpus(texts: texts, base: base)
    }

    @Test("The registry lists every check of Sources/Scholion/Checks, each with a unique id, a description and examples both ways")
    func registryIsComplete() throws {
        let folder = Repository.root.appendingPathComponent("Sources/Scholion/Checks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("Check.swift") }
            .map { String($0.dropLast(".swift".count)) }.filter { $0 != "Check" }.sorted()
        let registered = CheckRegistry.all.map { String(describing: type(of: $0)) }.sorted()
        #expect(files == registered)
        #expect(Set(CheckRegistry.all.map(\.id)).count == CheckRegistry.all.count)
        for check in CheckRegistry.all {
            #expect(!check.description.isEmpty && !check.title.isEmpty)
            #expect(check.examples.contains { $0.triggers } && check.examples.contains { !$0.triggers }, "\(check.id)")
        }
    }

    struct Example: Sendable, CustomTestStringConvertible {
        var check: String
        var text: String
        var triggers: Bool
        var testDescription: String { "\(check): \(triggers ? "flags" : "does not flag") \(text.split(separator: "\n").dropFirst(2).first ?? "")" }
    }

    static let examples: [Example] = CheckRegistry.all.flatMap { check in
        check.examples.map { Example(check: check.id, text: $0.text, triggers: $0.triggers) }
    }

    @Test("Each check's examples, through import, annotation and the check", arguments: examples)
    func example(_ example: Example) throws {
        let check = try #require(CheckRegistry.check(example.check))
        let findings = check.findings(in: try Self.corpus(example.text))
        if example.triggers {
            #expect(!findings.isEmpty, "expected a finding")
            for finding in findings {
                #expect(!finding.explanation.isEmpty)
                #expect(finding.check == example.check)
            }
        } else {
            #expect(findings.isEmpty, "unexpected: \(findings.map(\.explanation))")
        }
    }
}
