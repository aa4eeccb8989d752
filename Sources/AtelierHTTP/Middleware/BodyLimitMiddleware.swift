import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The gate every body passes: a declared body over the limit is refused before anything
/// reads it; one without a length (chunked) is read through `GuardedBody`, which stops at the
/// same limit and turns broken framing into a 400. Bodies are read as sent: a content coding (gzip…)
/// is refused rather than read as if it were plain text, and a transfer coding other than
/// chunked is refused as a framing we do not read.
struct BodyLimitMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        // Only a body that is there is refused for its coding: a GET that names one sends nothing to misread.
        let hasBody = request.headers[.transferEncoding] != nil || (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0
        if hasBody, let coding = request.headers[.contentEncoding]?.trimmingCharacters(in: .whitespaces).lowercased(), coding != "identity" {
            throw Problem(.unsupportedMediaType, "the body is encoded as \(coding); send it unencoded (identity)")
        }
        if let framing = request.headers[.transferEncoding]?.trimmingCharacters(in: .whitespaces).lowercased(), framing != "chunked" {
            throw Problem(.malformedRequest, "Transfer-Encoding \(framing) is not supported; send chunked or a Content-Length")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > AtelierRequestContext.maximumBodySize {
            throw Problem(.payloadTooLarge, "the body is \(length) bytes; the limit is \(AtelierRequestContext.maximumBodySize)")
        }
        var request = request
        request.body = RequestBody(asyncSequence: GuardedBody(base: request.body, limit: AtelierRequestContext.maximumBodySize))
        return try await next(request, context)
    }
}

/// A body read through the gate: whoever reads it (JSON, forms, uploads) gets a 413 problem past
/// the limit and a 400 when its chunked framing breaks, never an error nobody expected (a 500).
struct GuardedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let limit: Int

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), limit: limit) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        var read = 0

        mutating func next() async throws -> ByteBuffer? {
            let buffer: ByteBuffer?
            do {
                buffer = try await base.next()
            } catch let error as CancellationError {
                throw error
            } catch {
                throw Problem(.malformedRequest, "the body could not be read: its chunked framing is broken")
            }
            guard let buffer else { return nil }
            read += buffer.readableBytes
            if read > limit { throw Problem(.payloadTooLarge, "the body is larger than \(limit) bytes") }
            return buffer
        }
    }
}
