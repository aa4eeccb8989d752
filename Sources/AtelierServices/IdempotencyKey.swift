/// The `Idempotency-Key` a client sends so that a retried write is not done twice. The
/// database keeps keys of 1 to 200 characters; a key outside that is the client's mistake,
/// said before anything is written.
enum IdempotencyKey {
    static func checked(_ key: String?) throws -> String? {
        guard let key else { return nil }
        guard !key.isEmpty, key.unicodeScalars.count <= 200 else {
            throw ServiceError.invalid(field: "Idempotency-Key", reason: "must be 1 to 200 characters")
        }
        return key
    }
}
