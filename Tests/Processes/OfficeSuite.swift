import Foundation

/// A real office suite reading documents: LibreOffice headless converts them to PDF in one run,
/// and pdftotext reads the text back, as a reader of the printed briefing would see it.
public enum OfficeSuite {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    public static var isInstalled: Bool { Spawn.which("soffice") != nil && Spawn.which("pdftotext") != nil }

    /// The text of each document (by file name, without extension), white space folded to single
    /// spaces so that wrapped lines and no-break spaces compare equal.
    public static func text(of documents: [String: [UInt8]]) throws -> [String: String] {
        guard isInstalled else {
            throw Missing(description: "LibreOffice or pdftotext is missing: run `make deps-test` (libreoffice-writer-nogui, poppler-utils)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, bytes) in documents.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            paths.append(file.path)
        }
        // A private profile: no clash with another LibreOffice running, nothing left in $HOME.
        let profile = folder.appendingPathComponent("profile").absoluteString
        let converted = try Spawn.run(
            [
                "timeout", "300", "soffice", "-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                folder.path,
            ]
                + paths, environment: ["HOME": folder.path])
        guard converted.succeeded else { throw Missing(description: "soffice failed: \(converted.output)") }

        var texts: [String: String] = [:]
        for name in documents.keys {
            let stem = (name as NSString).deletingPathExtension
            let pdf = folder.appendingPathComponent("\(stem).pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                throw Missing(description: "\(stem).pdf was not produced: \(converted.output)")
            }
            let textFile = folder.appendingPathComponent("\(stem).txt")
            let extracted = try Spawn.run(["pdftotext", "-enc", "UTF-8", pdf.path, textFile.path])
            guard extracted.succeeded else { throw Missing(description: "pdftotext failed: \(extracted.output)") }
            texts[stem] = folded(try String(contentsOf: textFile, encoding: .utf8))
        }
        return texts
    }

    /// One space for any run of white space.
    public static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
