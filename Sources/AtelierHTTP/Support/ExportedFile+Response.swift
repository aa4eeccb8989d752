import AtelierServices
import HTTPTypes
import Hummingbird
import NIOCore

extension ExportedFile {
    /// The file as a download: the API's export route and the admin's page answer alike.
    var download: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: mediaType,
                // Slugs are [a-z0-9-], so the name needs neither quoting rules nor RFC 5987 encoding.
                .contentDisposition: "attachment; filename=\"\(filename)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
