// swift-format-ignore-file
// (data: one record per line)
// Workshop « Prévenir et réduire durablement les risques numériques ».
// Fictional contributions, written as posted from a phone during the session.

extension DemoCongress {
    static let risquesCyber: DemoWorkshop = DemoWorkshop(
        slug: "risques-cyber",
        engagement: "risques-numeriques",
        title: "Prévenir et réduire durablement les risques numériques",
        description: "Une commune est aujourd'hui une cible, parce qu'elle gère des services vitaux et des données sensibles. La cyberattaque est un risque systémique qui interroge la continuité du service public, la responsabilité des élus et la protection des habitants : sécurité, clauses contractuelles, culture du risque et règles de décision sur l'automatisation sont essentielles.",
        contributions: [
            DemoContribution(author: "p12", title: "Le risque cyber dans le PCS", body: "Intégrer le risque cyber dans le Plan Communal de Sauvegarde, au même titre que l’inondation. Une cyberattaque paralyse l’état civil, les écoles, la paie : c’est un risque majeur pour la commune.", appeal: 0.88),
            DemoContribution(author: "p37", title: "Scénario « zéro informatique »", body: "Le PCS doit prévoir le scénario « plus d'informatique pendant 3 semaines ». Qui fait quoi, avec quels moyens papier ?", appeal: 0.82),
            DemoContribution(author: "p54", title: "Retex cyberattaque", body: "Nous avons été attaqués par un rançongiciel en 2024. Quatre semaines sans messagerie ni logiciels métier, la paie refaite à la main à partir du mois précédent, l'état civil sur registre papier, les inscriptions à la cantine sur cahier. Ce qui nous a sauvés : des sauvegardes déconnectées qui avaient été testées six mois plus tôt, et un classeur imprimé avec l'annuaire et les procédures d'urgence. Ce qui nous a manqué : une chaîne de décision claire (qui parle à la presse ? qui porte plainte ? qui décide de payer ou non ?) et un moyen de communiquer entre élus sans passer par nos téléphones perso. Faites des exercices de crise avec les élus, vraiment.", appeal: 0.86),
            DemoContribution(author: "p54", title: "Exercices de crise", body: "Exercice de crise cyber obligatoire au moins une fois par mandat, avec les élus autour de la table, pas seulement la DSI.", appeal: 0.77),
            DemoContribution(author: "p62", title: "NIS2 et PICS", body: "NIS2 va concerner beaucoup d'agglos. Intégrer le risque cyber au PICS pour les EPCI concernés par NIS2, c'est logique.", appeal: 0.72),
            DemoContribution(author: "p39", title: nil, body: "Pour les petites communes le PCS c'est déjà un document qui dort dans un tiroir. Ajouter le cyber dedans ne suffira pas sans accompagnement.", appeal: 0.58),
            DemoContribution(author: "p90", title: nil, body: "integrer le risque cyber dans le plan communal de sauvegarde, oui absolument", appeal: 0.68),
            DemoContribution(author: "p11", title: "NIS2 : besoin de clarté", body: "NIS2 : on attend toujours la transposition complète et les décrets. Les collectivités ne savent pas si elles sont concernées ni à partir de quand. Besoin de clarté de l’ANSSI.", appeal: 0.7),
            DemoContribution(author: "p84", title: "Responsabilité du maire", body: "Question : la responsabilité pénale du maire est-elle engagée en cas de fuite de données suite à une cyberattaque ? Les élus n’en ont aucune idée.", appeal: 0.66),
            DemoContribution(author: "p30", title: nil, body: "Bordeaux Métropole : exercice de crise avec la préfecture l'an dernier. Très instructif, la chaîne de décision n'était pas claire du tout.", appeal: 0.6),
            DemoContribution(author: "p38", title: "Une messagerie de secours souveraine", body: "Quand la messagerie tombe, les élus se replient sur WhatsApp. Il faut une seconde messagerie souveraine (Tchap ?) pour la cellule de crise et la DSI, prête à l’emploi.", appeal: 0.84),
            DemoContribution(author: "p69", title: "Tchap pour les collectivités", body: "Tchap ouvert aux collectivités territoriales, ce serait la solution la plus simple pour la cellule de crise.", appeal: 0.72),
            DemoContribution(author: "p80", title: nil, body: "Prévoir aussi des téléphones hors réseau de la mairie et une liste papier des contacts clés. Basique, mais personne ne le fait.", appeal: 0.7),
            DemoContribution(author: "p46", title: nil, body: "messagerie de secours pour la cellule de crise : on l'a mise en place chez Manche Numérique pour nos adhérents, je peux partager", appeal: 0.6),
            DemoContribution(author: "p75", title: nil, body: "Une deuxième messagerie souveraine pour les élus de la cellule de crise et la DSI, indispensable pour la continuité des communications.", appeal: 0.7),
            DemoContribution(author: "p32", title: "Un plan France Services publics numériques", body: "Le plan France Très Haut Débit se termine. Il faut un plan du même type pour les usages : messagerie, site, outils métier sécurisés pour toutes les communes, avec des objectifs et des financements de l’État.", appeal: 0.84),
            DemoContribution(author: "p56", title: "Suite territoriale", body: "La suite territoriale de la DINUM déployée via les OPSN, c’est la bonne approche. Mais il faut accélérer et sécuriser le financement, là on avance commune par commune.", appeal: 0.78),
            DemoContribution(author: "p74", title: "Un cadre pour les OPSN", body: "Les OPSN sont prêts mais ont besoin d'un cadre : cahier des charges national, objectifs, paiement au déploiement effectif. Sinon chaque territoire invente sa méthode.", appeal: 0.72),
            DemoContribution(author: "p20", title: nil, body: "À Quimperlé on a migré vers la suite territoriale en 2025. Ça marche, mais l’accompagnement des agents a pris plus de temps que la technique.", appeal: 0.68),
            DemoContribution(author: "p39", title: "Un socle pour les petites communes", body: "Allonne, 1 400 habitants, pas d'informaticien, une messagerie en @orange.fr. Il faut un socle numérique minimum fourni à toutes les petites communes.", appeal: 0.82),
            DemoContribution(author: "p64", title: "Catalogue mutualisé", body: "Un catalogue de solutions métier souveraines, validées et mutualisées, où les communes pourraient piocher sans refaire un marché à chaque fois.", appeal: 0.76),
            DemoContribution(author: "p82", title: nil, body: "Les adresses gmail ou wanadoo pour les mairies c'est encore tres courant. Un nom de domaine + une messagerie sécurisée pour chaque commune devrait être un droit.", appeal: 0.74),
            DemoContribution(author: "p37", title: nil, body: "Partenariats public-privé oui, mais avec des engagements de réversibilité. On a été piégés par un éditeur qui refusait de nous rendre nos données.", appeal: 0.62),
            DemoContribution(author: "p12", title: "Des infrastructures aux usages", body: "Passer des infrastructures aux usages : la fibre est là, maintenant il faut des services publics numériques essentiels partout, surtout en ruralité.", appeal: 0.76),
            DemoContribution(author: "p56", title: nil, body: "Attention à ne pas payer les OPSN uniquement au résultat : ils n'ont pas la trésorerie pour avancer les frais de déploiement.", appeal: 0.45),
            DemoContribution(author: "p16", title: "Sensibiliser tous les agents", body: "La grande majorité des incidents partent d’un clic sur un mail piégé. Une sensibilisation obligatoire et régulière de tous les agents et élus, avec des campagnes de faux phishing, ça marche.", appeal: 0.8),
            DemoContribution(author: "p69", title: "Phishing : ça marche", body: "Faux mails d'hameçonnage à Vannes : 30 % de clics au premier test, 8 % au troisième. La sensibilisation, ça fonctionne.", appeal: 0.7),
            DemoContribution(author: "p85", title: nil, body: "Cybermalveillance.gouv.fr propose déjà des kits de sensibilisation, il faudrait juste les faire connaître aux élus.", appeal: 0.6),
            DemoContribution(author: "p62", title: "Adresses perso = faille", body: "Les élus utilisent leurs adresses perso et leurs téléphones perso pour les dossiers de la mairie. C’est une faille énorme.", appeal: 0.72),
            DemoContribution(author: "p54", title: nil, body: "Former les élus à la cyber dès le début du mandat, c'est eux qui donnent les moyens à la DSI.", appeal: 0.74),
            DemoContribution(author: "p36", title: "RSSI mutualisé", body: "Un RSSI mutualisé à l'échelle de l'agglo ou du département pour les communes qui n'en ont pas.", appeal: 0.75),
            DemoContribution(author: "p84", title: nil, body: "On parle beaucoup de sensibilisation mais sans budget pour les sauvegardes et les mises à jour ça ne sert à rien. Le nerf de la guerre c'est l'argent.", appeal: 0.58),
            DemoContribution(author: "p75", title: nil, body: "La Mêlée organise des exercices de crise cyber pour les collectivités d'Occitanie, ça marche bien avec les élus.", appeal: 0.5),
            DemoContribution(author: "p74", title: "Réguler l'IA localement", body: "Avant d’automatiser une décision (attribution de places en crèche, etc.), il faut des règles claires : transparence, recours humain, analyse d’impact. L’AI Act ne suffit pas au niveau local.", appeal: 0.7),
            DemoContribution(author: "p76", title: "Clauses types cloud / IA", body: "Des clauses contractuelles types pour les marchés cloud et IA : localisation des données, réversibilité, notification des incidents sous 24h.", appeal: 0.74),
            DemoContribution(author: "p11", title: nil, body: "IA : qui est responsable si un chatbot municipal donne une mauvaise information à un administré ? Le maire ? L’éditeur ?", appeal: 0.55),
            DemoContribution(author: "p46", title: "Assurance cyber", body: "Les assurances cyber deviennent hors de prix, certaines refusent même de couvrir les collectivités. Il faudrait un fonds de garantie public.", appeal: 0.63),
            DemoContribution(author: "p64", title: nil, body: "le mot de passe du wifi de l'atelier est affiché au mur... en atelier cyber 😅", appeal: 0.3),
            DemoContribution(author: "p20", title: nil, body: "Super atelier, merci aux animateurs. Dommage qu'il soit si court.", appeal: 0.18),
            DemoContribution(author: "p54", title: nil, body: "Sauvegardes hors ligne, testées régulièrement. C'est la base.", appeal: 0.76),
        ]
    )
}
