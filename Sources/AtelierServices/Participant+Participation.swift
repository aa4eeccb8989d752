import AtelierCore

extension Participant {
    /// Refuses a display access anything beyond the public figures and published proposals; called
    /// first, so what it may not do is refused the same way whatever the target's state.
    func mustTakePart(to action: String) throws {
        guard takesPart else { throw ServiceError.forbidden("a display access only reads what is public: it may not \(action)") }
    }

    /// The organisers' tasks (registration, badges, the figures) are their congress's admins' alone.
    func mustAdminister(to action: String) throws {
        guard role == .admin else { throw ServiceError.forbidden("only admins may \(action)") }
    }
}
