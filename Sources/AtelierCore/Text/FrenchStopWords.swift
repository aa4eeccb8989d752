/// PostgreSQL's French stop words: exactly the 155 words of
/// /usr/share/postgresql/15/tsearch_data/french.stop, in the file's order, so that
/// `ts_lexize('french_stem', word)` is empty exactly when `words.contains(word)`.
///
/// The list comes from the Snowball project (https://snowballstem.org/algorithms/french/stop.txt),
/// copyright Dr Martin Porter and the Snowball contributors, under the 3-clause BSD licence
/// (https://snowballstem.org/license.html); PostgreSQL ships it under the same terms.
///
/// Besides pronouns, articles, prepositions and the forms of être and avoir, it holds the
/// one-letter elided words (c d j l m n s t) and `qu`: PostgreSQL's parser splits `l'élu`
/// into `l` and `élu`, and the stop list is what makes the elided part go.
public enum FrenchStopWords {
    public static let words: Set<String> = [
        "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je", "la", "le",
        "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou",
        "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton",
        "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "à", "m", "n", "s", "t", "y", "été", "étée",
        "étées", "étés", "étant", "étante", "étants", "étantes", "suis", "es", "est", "sommes", "êtes", "sont",
        "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions", "seriez", "seraient",
        "étais", "était", "étions", "étiez", "étaient", "fus", "fut", "fûmes", "fûtes", "furent", "sois", "soit",
        "soyons", "soyez", "soient", "fusse", "fusses", "fût", "fussions", "fussiez", "fussent", "ayant", "ayante",
        "ayantes", "ayants", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont", "aurai", "auras", "aura",
        "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient", "avais", "avait", "avions",
        "aviez", "avaient", "eut", "eûmes", "eûtes", "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse",
        "eusses", "eût", "eussions", "eussiez", "eussent",
    ]
}
