/// Words too common in a room's writing to tell contributions apart, which PostgreSQL's
/// French stop list (the search's reference) leaves in: articles, quantifiers, fillers.
/// Clustering and labels ignore them; search still finds them.
enum WeakWords {
    static let surfaces: Set<String> = [
        "a", "les", "cette", "cet", "ça", "cela", "ceci", "plus", "moins", "très", "trop", "chaque", "comme", "plutôt",
        "aussi", "tout", "tous", "toute", "toutes", "faut", "faire", "fait", "bien", "déjà", "encore", "peu", "beaucoup",
        "oui", "non", "donc", "alors", "ainsi", "car", "si", "sans", "sous", "sur", "vers", "chez", "entre", "après",
        "avant", "quand", "où", "dont", "quoi", "être", "avoir", "peut", "doit", "doivent", "pourrait", "devrait",
        "il", "ils", "elle", "elles", "on", "nous", "vous", "leur", "leurs", "y", "en", "autre", "autres", "même",
        "mêmes", "rien", "personne", "ici", "là", "etc", "vraiment", "juste", "surtout", "souvent", "toujours", "jamais",
    ]

    static func isWeak(_ token: FrenchToken) -> Bool {
        surfaces.contains(token.surface) || token.surface.unicodeScalars.contains { $0.properties.numericType != nil }
    }
}
