import Foundation
import TestProcesses
import Testing
import ZipSupport

@Suite struct ZipWriterTests {
    private let members: [(String, [UInt8], ZipWriter.Method)] = [
        ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), .stored),
        ("content.xml", Array(String(repeating: "<text:p>Élus formés</text:p>", count: 200).utf8), .deflated),
        ("vide.txt", [], .deflated),
        ("dossier/données é.bin", (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, .deflated),
    ]

    private func archive(modified: Date? = nil) -> [UInt8] {
        var zip = ZipWriter(modified: modified)
        for (name, bytes, method) in members { zip.add(name, bytes, method: method) }
        return zip.finish()
    }

    @Test func readsBackEveryMemberWithTheZipReader() throws {
        let read = try ZipArchive(bytes: archive())
        #expect(read.entries.map(\.name) == members.map(\.0))
        for (name, bytes, _) in members { #expect(try read.contents(of: name) == bytes) }
        #expect(read.entry(named: "mimetype")?.method == 0)
        #expect(read.entry(named: "content.xml")?.method == 8)
        #expect(try #require(read.entry(named: "content.xml")).compressedSize < 1_000)
    }

    @Test func isByteIdenticalForTheSameMembersAndStampedAt1980ByDefault() {
        let first = archive()
        #expect(first == archive())
        // Local header of the first member: time at offset 10, date at 12 (1980-01-01 = 0x0021).
        #expect(Array(first[10..<14]) == [0x00, 0x00, 0x21, 0x00])
        #expect(archive(modified: Date(timeIntervalSince1970: 1_769_792_742)) != first)
    }

    @Test func writesTheGivenMomentAsAnMSDOSDateAndTime() {
        // 2026-01-30 17:05:42 UTC.
        let bytes = archive(modified: Date(timeIntervalSince1970: 1_769_792_742))
        let time = UInt16(bytes[10]) | UInt16(bytes[11]) << 8
        let date = UInt16(bytes[12]) | UInt16(bytes[13]) << 8
        #expect(date == (2026 - 1980) << 9 | 1 << 5 | 30)
        #expect(time == 17 << 11 | 5 << 5 | 42 / 2)
    }

    /// The OpenDocument rule: `mimetype` first, stored, no extra field, so its content is at byte 38.
    @Test func putsTheFirstStoredMemberWhereFileSniffersLook() {
        let bytes = archive()
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        #expect(bytes[28] == 0 && bytes[29] == 0)  // extra field length
    }

    @Test func pythonsZipfileReadsItAndFindsNoError() throws {
        guard Spawn.which("python3") != nil else {
            Issue.record("python3 is missing: run `make deps`")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zipwriter-\(UUID().uuidString).zip")
        try Data(archive()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import hashlib, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                for info in z.infolist():
                    print(info.filename, info.date_time[0], hashlib.sha256(z.read(info)).hexdigest())
            """
        let result = try Spawn.run(["python3", "-c", script, file.path])
        #expect(result.succeeded, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == members.count)
        for (line, member) in zip(lines, members) {
            #expect(line.hasPrefix(member.0 + " 1980 "), "\(line)")
        }
    }
}
