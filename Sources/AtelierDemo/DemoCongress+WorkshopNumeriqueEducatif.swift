// swift-format-ignore-file
// (data: one record per line)
// Workshop « Pour un numérique éducatif en confiance ».
// Fictional contributions, written as posted from a phone during the session.

extension DemoCongress {
    static let numeriqueEducatif: DemoWorkshop = DemoWorkshop(
        slug: "numerique-educatif",
        engagement: nil,
        title: "Pour un numérique éducatif en confiance",
        description: "Le numérique éducatif doit s'inscrire dans un projet plus large pour l'école : clarté des rôles institutionnels, équité territoriale, transition écologique. Les approches descendantes ont montré leurs limites ; la réussite repose sur l'appropriation locale, la formation continue, la maîtrise des coûts globaux et le choix de solutions souveraines.",
        contributions: [
            DemoContribution(author: "p10", title: "Un comité numérique local", body: "Mettre en place dans chaque commune un comité numérique de l’école, piloté par l’élu référent et le directeur d’école, avec les enseignants. Aujourd’hui on achète sans savoir ce qui sert vraiment en classe.", appeal: 0.86),
            DemoContribution(author: "p33", title: "Tableaux numériques inutilisés", body: "A Marmande on a acheté des tableaux numériques que personne n'utilise dans deux écoles. Si on avait consulté les enseignants avant…", appeal: 0.75),
            DemoContribution(author: "p58", title: "Un comité simple", body: "Réunir une fois par trimestre élu, directeur, enseignants, parents : un comité numérique très simple, ça suffit pour éviter les mauvais achats.", appeal: 0.73),
            DemoContribution(author: "p21", title: nil, body: "Le comité doit inclure l'inspection (IEN), sinon les décisions pédagogiques nous échappent totalement.", appeal: 0.6),
            DemoContribution(author: "p87", title: nil, body: "Comité numérique école avec élu + directeur + enseignants, d’accord à 100 %", appeal: 0.7),
            DemoContribution(author: "p79", title: nil, body: "Dans les petites communes le directeur d'école est aussi enseignant à temps plein, il n'a pas le temps pour des réunions en plus. Attention à la charge.", appeal: 0.55),
            DemoContribution(author: "p47", title: "Associer les parents", body: "Les parents doivent être dans la boucle : ENT, applis de vie scolaire, temps d’écran… Ils ont des inquiétudes légitimes qu’il faut entendre.", appeal: 0.62),
            DemoContribution(author: "p89", title: "Schéma directeur départemental", body: "Un schéma directeur du numérique éducatif à l’échelle du département clarifierait enfin qui fait quoi entre commune, département, région et Éducation nationale.", appeal: 0.82),
            DemoContribution(author: "p51", title: "Collèges / écoles : la cohérence", body: "Le département des Landes équipe les collégiens depuis plus de 20 ans. Le vrai sujet aujourd'hui c’est la cohérence avec les écoles primaires, personne ne pilote l’ensemble.", appeal: 0.68),
            DemoContribution(author: "p64", title: "Budget pluriannuel", body: "Un budget pluriannuel est indispensable. Le scénario classique chez nous : une année on équipe toutes les écoles grâce à une subvention, tout le monde est content, on fait la photo pour le magazine municipal. Puis plus rien pendant cinq ans, ni pour la maintenance, ni pour les licences, ni pour la formation. Au bout de trois ans la moitié des tablettes ne se mettent plus à jour, les vidéoprojecteurs ont des lampes grillées et les enseignants ont abandonné. Résultat : du matériel en panne dans les placards et un sentiment de gâchis. Un schéma directeur avec une programmation sur la durée du mandat (achat, maintenance, renouvellement, accompagnement) éviterait ces effets de stop and go.", appeal: 0.84),
            DemoContribution(author: "p43", title: "Qui fait quoi ?", body: "Clarifier les rôles !! La commune paie le matériel, l'EN choisit les usages, et personne ne paie la maintenance.", appeal: 0.8),
            DemoContribution(author: "p86", title: "Échelle intercommunale", body: "Le schéma directeur devrait être intercommunal, c'est la bonne échelle pour mutualiser la maintenance entre petites écoles.", appeal: 0.7),
            DemoContribution(author: "p41", title: nil, body: "À Hérin la maintenance informatique des écoles repose sur un agent qui fait aussi les espaces verts… Il faut mutualiser au niveau de l'interco.", appeal: 0.66),
            DemoContribution(author: "p67", title: nil, body: "Un schéma directeur départemental du numérique éducatif, avec un budget sur plusieurs années.", appeal: 0.65),
            DemoContribution(author: "p09", title: "Penser coût global", body: "Penser le coût global : achat, maintenance, abonnements, formation. Le matériel ne représente souvent qu’environ 30 % du coût total sur 5 ans.", appeal: 0.78),
            DemoContribution(author: "p43", title: nil, body: "Les abonnements aux ressources numériques augmentent chaque année, on ne maîtrise plus rien. Un catalogue national gratuit de ressources serait bienvenu.", appeal: 0.64),
            DemoContribution(author: "p09", title: "Des référents numériques de proximité", body: "Un référent numérique de terrain par canton, formé, rattaché aux équipes pédagogiques, qui passe dans les écoles. C’est l’accompagnement continu qui fait la différence, pas l’équipement.", appeal: 0.85),
            DemoContribution(author: "p25", title: "Plus d'ERUN", body: "Les ERUN font un super travail mais ils sont trop peu nombreux : 1 pour 40 écoles chez nous. Impossible d'accompagner correctement.", appeal: 0.78),
            DemoContribution(author: "p78", title: "Former avant d'équiper", body: "Former les enseignants AVANT de livrer le matériel, pas 6 mois après.", appeal: 0.8),
            DemoContribution(author: "p59", title: nil, body: "Grenoble : on a un binôme technicien ville + conseiller pédagogique, ça marche bien parce que les deux se parlent enfin.", appeal: 0.62),
            DemoContribution(author: "p19", title: nil, body: "référent numérique par canton, ok, mais qui le paie ? l'EN ou les communes ?", appeal: 0.55),
            DemoContribution(author: "p71", title: "Formation continue", body: "La formation continue des enseignants au numérique est quasi inexistante. 3 heures par an, ce n'est pas sérieux.", appeal: 0.7),
            DemoContribution(author: "p35", title: nil, body: "Les agents municipaux (ATSEM, animateurs du périscolaire) utilisent aussi le numérique avec les enfants, il faut les former eux aussi.", appeal: 0.58),
            DemoContribution(author: "p47", title: nil, body: "Un référent de terrain par canton, formé et présent dans les écoles, c’est la clé.", appeal: 0.68),
            DemoContribution(author: "p89", title: nil, body: "Les conseillers numériques pourraient aussi intervenir auprès des familles pour l'usage de l'ENT.", appeal: 0.57),
            DemoContribution(author: "p64", title: "Évaluer les expérimentations", body: "On lance des expérimentations (tablettes, robots, IA…) mais on ne les évalue jamais. Un observatoire national des expérimentations avec des indicateurs d’usage et d’apprentissage permettrait de savoir ce qui marche vraiment.", appeal: 0.77),
            DemoContribution(author: "p43", title: "Retours d'expérience", body: "Partager les retours d'expérience entre communes : ce qui a marché, ce qui a raté. On a tous fait les mêmes erreurs.", appeal: 0.7),
            DemoContribution(author: "p10", title: nil, body: "Recueillir systématiquement des indicateurs d’usage (taux d’utilisation réel du matériel) avant de renouveler un équipement.", appeal: 0.66),
            DemoContribution(author: "p27", title: nil, body: "Les classes mobiles à Fleury : 60 % d'utilisation dans une école, 5 % dans l'autre. Sans mesure on ne l'aurait jamais su.", appeal: 0.6),
            DemoContribution(author: "p67", title: "Souveraineté des outils", body: "Privilégier les solutions souveraines et libres pour les écoles : les données des enfants n’ont rien à faire chez des géants américains. La Digitale, apps.education.fr… ça existe !", appeal: 0.74),
            DemoContribution(author: "p82", title: nil, body: "Côté DSI on n'est jamais consultés sur les outils choisis par les enseignants, gros risque RGPD. Il faut un minimum de cadre.", appeal: 0.62),
            DemoContribution(author: "p64", title: "Peu d'outils, bien utilisés", body: "Peu d'outils mais bien utilisés : mieux vaut un vidéoprojecteur qui marche que 30 tablettes en panne.", appeal: 0.72),
            DemoContribution(author: "p79", title: "Écrans en maternelle", body: "Et les écrans en maternelle ? On nous demande d'en installer alors que les pédiatres disent le contraire. Besoin d'une position claire.", appeal: 0.5),
            DemoContribution(author: "p25", title: nil, body: "Pas d'accord avec la course à l'équipement individuel (1 élève = 1 tablette). Cher, fragile, et pas prouvé pédagogiquement.", appeal: 0.48),
            DemoContribution(author: "p78", title: nil, body: "Le plan de relance a financé du matériel dans l’urgence, aujourd’hui c’est à nous de le renouveler sans aide. Effet ciseau garanti.", appeal: 0.6),
            DemoContribution(author: "p81", title: nil, body: "Sobriété : des tablettes reconditionnées pour les écoles, on l'a fait, aucun problème.", appeal: 0.58),
            DemoContribution(author: "p71", title: nil, body: "L’atelier était top, on repart avec plein d'idées, merci !", appeal: 0.2),
            DemoContribution(author: "p27", title: nil, body: "Désolée je suis arrivée en retard, le parking du centre des congrès était complet 😕", appeal: 0.1),
        ]
    )
}
