// swift-format-ignore-file
// (data: one record per line)
// The four engagements of Villes Internet, as presented in the press release
// of the 7th national congress (Agen, 29–30 January 2026).

extension DemoCongress {
    static let engagements: [DemoEngagement] = [
        DemoEngagement(
            slug: "egalite-acces",
            title: "Garantir l'égalité d'accès au numérique",
            summary: "Garantir et simplifier l'accès aux services publics, pérenniser les structures de médiation des usages numériques et connecter l'ensemble du territoire national."
        ),
        DemoEngagement(
            slug: "urgence-climatique",
            title: "Accompagner la stratégie numérique face à l'urgence climatique",
            summary: "Accélérer la mise en œuvre par les collectivités de leur stratégie numérique responsable, sensibiliser les citoyens, lutter contre les obsolescences et généraliser les usages sobres du numérique."
        ),
        DemoEngagement(
            slug: "piloter-services",
            title: "Piloter les services numériques avec les collectivités locales",
            summary: "Développer et promouvoir des outils d'aide à la décision, accompagner les démarches de mise en commun des collectivités et prendre en compte l'impact du numérique sur leurs budgets."
        ),
        DemoEngagement(
            slug: "risques-numeriques",
            title: "Prévenir et réduire durablement les risques numériques",
            summary: "Accompagner les collectivités sur la question des risques cyber et des responsabilités, la maîtrise de leurs données et la régulation des opportunités de l'intelligence artificielle."
        ),
    ]
}
