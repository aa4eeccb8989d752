import AtelierCore
import Foundation
import HTTPTypes
import Hummingbird

/// The stylesheet and the script, read once at start. Pages link them with their digest in the
/// URL, so browsers may keep them for a year and still get a new version the moment it ships.
struct StaticFiles: Sendable {
    struct File: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        let version: String
    }

    private let files: [String: File]

    init(folder: URL) throws {
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            guard let contentType = Self.contentTypes[URL(fileURLWithPath: name).pathExtension] else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            files[name] = File(
                bytes: ByteBuffer(bytes: data), contentType: contentType, version: String(SHA256.hex(bytes: SHA256.hash(data)).prefix(16)))
        }
        self.files = files
    }

    static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
    ]

    /// A text file's content, for a document that must carry its style with it (the badge sheet as a file).
    func text(_ name: String) -> String? { files[name].map { String(buffer: $0.bytes) } }

    func url(_ name: String) -> String {
        "/static/\(name)?v=\(files[name]?.version ?? "0")"
    }

    func response(name: String, request: Request) -> Response? {
        guard let file = files[name] else { return nil }
        let etag = "\"\(file.version)\""
        var headers: HTTPFields = [.eTag: etag, .contentType: file.contentType]
        // The versioned URL never changes content; an unversioned one is revalidated with the ETag.
        headers[.cacheControl] =
            request.uri.queryParameters["v"].map { String($0) } == file.version ? "public, max-age=31536000, immutable" : "no-cache"
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.bytes))
    }
}
