import AtelierCore
import AtelierServices
import HTTPTypes
import Hummingbird

/// Lets a participant read their own writes when lists and exports read from a standby.
///
/// Nodes sit behind nginx without stickiness, so the node that serves a read may not be the one
/// that took the write: what it must know travels with the client. It is the end of the primary's
/// log after the write (`pg_current_wal_insert_lsn()`), not a deadline: the standby then serves
/// the participant's reads as soon as it has replayed that far, a few milliseconds later (mean
/// 2–14 ms, 181 ms at most under load, measured), and never before, however far behind it falls;
/// no clock has to agree between nodes. It costs one query on the primary after each write, and
/// one on the standby per read while it is carried.
///
/// Browsers carry it in a cookie that lives `ATELIER_READ_YOUR_WRITES_S` (2 s: ten times the
/// worst lag measured, and longer than a person takes to read a reply and act on it); API
/// clients with a Bearer token keep no cookies, so the same position comes in a header they may
/// send back. Forged, either can only send that client's reads to the primary (`ReadYourWrites`).
struct ReadYourWritesMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("Atelier-Last-Write")!
    static let cookieName = "atelier_last_write"
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    let services: Services

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let standby = services.standby else { return try await next(request, context) }
        let carried = [request.headers[Self.header], request.cookies[Self.cookieName]?.value].compactMap { $0.flatMap(WALPosition.init) }
        var response = try await ReadYourWrites.$lastWrite.withValue(carried.max()) { try await next(request, context) }
        guard request.method != .get, request.method != .head, response.status.code < 400 else { return response }
        // The write is done and answered either way: without its position (the primary gone a
        // moment after), the next reads may miss it for the few milliseconds of the standby's lag.
        guard let position = try? await services.writePosition() else { return response }
        response.headers[Self.header] = position.description
        let lifetime = standby.readYourWritesWindow.components
        let maxAge = Int(lifetime.seconds) + (lifetime.attoseconds > 0 ? 1 : 0)
        if maxAge > 0 {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: position.description, maxAge: maxAge, path: "/",
                    secure: request.headers[Self.forwardedProto]?.lowercased() == "https", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
