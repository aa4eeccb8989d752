@testable import AtelierHTTP

/// The fixtures of "Mes données" and of the page that follows an erasure, for `TemplateTests`.
enum PersonalDataTemplateFixtures {
    static func fixtures() -> [String: (model: Any, shows: [String])] {
        [
            "mes-donnees": (
                PersonalDataPageController.DataPage(
                    name: "Jeanne <M>", organisation: "Nérac", role: "participant", held: ["3 contributions", "12 votes"], withdraw: true,
                    confirmError: "Cochez la case"),
                [
                    "<strong>Jeanne &lt;M&gt;</strong>, Nérac (participant)", "<li>3 contributions</li>", "<li>12 votes</li>",
                    "href=\"/mes-donnees/fichier\" download", "action=\"/mes-donnees/effacement\"", "value=\"withdrawn\" checked",
                    "aria-invalid=\"true\" aria-describedby=\"confirmer-erreur\"", "Cochez la case", "name=\"_csrf\" value=\"CSRF-FIXTURE\"",
                    "href=\"/mes-donnees\">Mes données</a>",
                ]
            ),
            "donnees-effacees": (
                PersonalDataPageController.ErasedPage(withdrawn: true),
                ["<h1>Vos données sont effacées</h1>", "Vos contributions publiées sont retirées."]
            ),
        ]
    }
}
