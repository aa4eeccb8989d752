import AtelierCore

extension KeyedDecodingContainer {
    /// A missing key keeps the field, `null` clears it, a value sets it.
    func decodePatch<Value: Decodable & Sendable & Equatable>(_ type: Value.Type, forKey key: Key) throws -> Patch<Value> {
        guard contains(key) else { return .keep }
        return try decodeNil(forKey: key) ? .clear : .set(try decode(Value.self, forKey: key))
    }
}
