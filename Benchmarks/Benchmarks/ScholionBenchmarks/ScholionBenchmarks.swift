import Benchmark
import Foundation
import Scholion
import ScholionXML

/// The bundled corpus, repeated to about 50 MB, built in memory (nothing generated is committed).
nonisolated(unsafe) let largeInput: Data = {
    let texts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Texts")
    let files = (try? FileManager.default.contentsOfDirectory(at: texts, includingPropertiesForKeys: nil)) ?? []
    var corpus = Data()
    for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "txt" {
        corpus += (try? Data(contentsOf: file)) ?? Data()
        corpus += Data("\n\n".utf8)
    }
    precondition(!corpus.isEmpty, "no texts in \(texts.path)")
    var data = Data()
    data.reserveCapacity(50 << 20)
    while data.count < 50 << 20 { data += corpus }
    return data
}()

nonisolated(unsafe) let largeTEI: Data = {
    let document = try! PlainTextImporter().importText(largeInput, fileName: "corpus-50MB.txt", id: "corpus-50MB")
    return Data(try! TEIWriter.write(document).utf8)
}()

let benchmarks: @Sendable () -> Void = {
    let megabytes = Double(largeInput.count) / 1_048_576
    let slow = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)

    Benchmark("Import plain text to TEI (\(Int(megabytes)) MB)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            let document = try PlainTextImporter().importText(largeInput, fileName: "corpus-50MB.txt", id: "corpus-50MB")
            blackHole(try TEIWriter.write(document))
        }
    }

    Benchmark("Parse and validate TEI (\(largeTEI.count >> 20) MB)", configuration: slow) { benchmark in
        let validator = try TEIValidator()
        for _ in benchmark.scaledIterations {
            blackHole(validator.validate(largeTEI, fileName: "corpus-50MB.xml"))
        }
    }

    Benchmark("Compile Scholion's RELAX NG schema", configuration: .init(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try RelaxNGSchema(source: Data(ScholionSchema.source.utf8), fileName: "scholion.rng"))
        }
    }

    Benchmark("Load the bundled reference base (parse, read, merge, index)", configuration: .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ReferenceBaseLoader.loadBundled())
        }
    }

    let base = try! ReferenceBaseLoader.loadBundled()
    let names = base.records.values.flatMap { $0.names.map(\.text) }.sorted()
    Benchmark("Resolve a name (all \(names.count) name variants of the base, per variant)", configuration: .init(
        metrics: [.wallClock, .throughput], timeUnits: .nanoseconds, scalingFactor: .kilo, maxDuration: .seconds(10))) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(base.records(named: names[iteration % names.count]))
        }
    }

    // Annotation throughput: the bundled corpus repeated to about 1 MB, imported once, annotated
    // (mentions, claims, attribution) in memory.
    let annotator = Annotator(base: base)
    let oneMegabyte = largeInput.prefix(1 << 20)
    let annotationInput = try! PlainTextImporter().importText(Data(oneMegabyte), fileName: "corpus-1MB.txt", id: "corpus-1MB")
    Benchmark("Annotate text (1 MB: mentions, claims, attribution)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(annotator.annotate(annotationInput))
        }
    }

    // Checking: the bundled texts annotated once, the corpus then repeated 10 and 40 times; the
    // checks read claims through indexes by entity and event, so time grows with the corpus, not
    // with its square.
    let bundledTexts = (try? FileManager.default.contentsOfDirectory(at: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Texts"), includingPropertiesForKeys: nil)) ?? []
    let annotatedTexts: [CheckedCorpus.Text] = bundledTexts.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.map { url in
        let document = try! DocumentLoader().load(path: url.path)
        return CheckedCorpus.Text(document: document, result: annotator.annotate(document))
    }
    for copies in [10, 40] {
        let corpus = CheckedCorpus(texts: Array(repeating: annotatedTexts, count: copies).flatMap { $0 }, base: base)
        Benchmark("Check a corpus of \(corpus.texts.count) annotated texts", configuration: .init(
            metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(CorpusChecker.findings(in: corpus))
            }
        }
    }

    // Export: the bundled texts with their committed layers and their findings, repeated to 40
    // and 160 texts (ids made distinct), written as TEI editions and one teiCorpus.
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bundledFindings = CorpusChecker.findings(in: CheckedCorpus(texts: annotatedTexts, base: base))
    let exportTexts: [ExportCorpus.Text] = annotatedTexts.map { text in
        let path = root.appendingPathComponent("Annotations/\(text.document.id).xml").path
        let layer = try! LayerFile.read(XMLReader.parse(contentsOf: path), textID: text.document.id)
        return ExportCorpus.Text(document: text.document, layer: layer, findings: bundledFindings.filter { $0.document == text.document.id }, layerPath: path)
    }
    // Reading layers back (issue 15): the tree parser and LayerFile.read of the tree, side by
    // side with the stream reader (xmlTextReader, one annotation at a time), on the committed
    // layers of the bundled corpus.
    let layerFiles = exportTexts.map { (data: try! Data(contentsOf: URL(fileURLWithPath: $0.layerPath)), path: $0.layerPath, id: $0.document.id) }
    let layerMegabytes = String(format: "%.1f", Double(layerFiles.map(\.data.count).reduce(0, +)) / 1_048_576)
    let readLayers = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 50)
    Benchmark("Read \(layerFiles.count) layers (\(layerMegabytes) MB): tree (XMLReader.parse + LayerFile.read)", configuration: readLayers) { benchmark in
        for _ in benchmark.scaledIterations {
            for file in layerFiles { blackHole(try LayerFile.read(XMLReader.parse(file.data, fileName: file.path), textID: file.id)) }
        }
    }
    Benchmark("Read \(layerFiles.count) layers (\(layerMegabytes) MB): stream (xmlTextReader)", configuration: readLayers) { benchmark in
        for _ in benchmark.scaledIterations {
            for file in layerFiles { blackHole(try LayerFile.read(file.data, fileName: file.path, textID: file.id)) }
        }
    }

    for copies in [10, 40] {
        let texts = (0..<copies).flatMap { copy in
            exportTexts.map { text in
                var text = text
                text.document.id += "-\(copy)"
                return text
            }
        }
        let megabytes = Double(texts.map { $0.document.text.utf8.count }.reduce(0, +)) / 1_048_576
        let export = try! TEIExport(corpus: ExportCorpus(texts: texts, base: base), revisionDate: "2026-11-22")
        Benchmark("Export \(texts.count) texts (\(String(format: "%.1f", megabytes)) MB of text) as TEI editions and a teiCorpus", configuration: .init(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(30), maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try export.files())
            }
        }
    }
}
