// swift-format-ignore-file
// (data: one record per line)
// Workshop « La donnée territoriale comme socle de l'action publique locale ».
// Fictional contributions, written as posted from a phone during the session.

extension DemoCongress {
    static let gouvernanceDonnees: DemoWorkshop = DemoWorkshop(
        slug: "gouvernance-donnees",
        engagement: "risques-numeriques",
        title: "La donnée territoriale comme socle de l'action publique locale",
        description: "Face aux enjeux de performance, d'acceptabilité sociale et de sobriété numérique, la donnée apparaît comme un levier transverse de l'action publique locale. Sa gouvernance ne peut pas se limiter à un dispositif technique : elle doit s'ancrer dans une démarche participative, stratégique et éthique, avec les moyens de la faire vivre dans toutes les strates de collectivités.",
        contributions: [
            DemoContribution(author: "p13", title: "Une gouvernance de la donnée avec les territoires", body: "Construire une gouvernance nationale de la donnée avec les collectivités, pas seulement pour elles. Des comités régionaux pour faire remonter les besoins et coordonner au niveau national et européen.", appeal: 0.84),
            DemoContribution(author: "p52", title: nil, body: "À Brest Métropole on a créé un comité de la donnée interne avec élus et services. Ça a changé la façon dont on priorise les projets.", appeal: 0.7),
            DemoContribution(author: "p28", title: "Coordination régionale", body: "Au niveau régional, une instance de coordination des producteurs de données (départements, agglos, État) éviterait qu'on produise 3 fois la même donnée.", appeal: 0.78),
            DemoContribution(author: "p85", title: "Qualité des données", body: "Des indicateurs de qualité des données partagés : fraîcheur, complétude, conformité aux schémas. Sinon on ouvre des données inutilisables.", appeal: 0.72),
            DemoContribution(author: "p55", title: "Des élus dans les comités", body: "Un comité local de la donnée dans chaque agglo, avec des élus, pas seulement des techniciens.", appeal: 0.68),
            DemoContribution(author: "p14", title: "Des données au service des transitions", body: "La donnée doit servir les transitions (énergie, mobilité, eau). Les comités locaux devraient partir de cas d'usage concrets, pas d'un catalogue de données.", appeal: 0.8),
            DemoContribution(author: "p31", title: nil, body: "gouvernance de la donnée au niveau national avec des comités locaux et régionaux, d'accord", appeal: 0.62),
            DemoContribution(author: "p63", title: nil, body: "Associer les citoyens à la gouvernance : une donnée publique doit nourrir le débat public. Pourquoi pas des habitants tirés au sort dans les comités ?", appeal: 0.45),
            DemoContribution(author: "p50", title: "Appliquer la loi d'abord", body: "Encore des comités… On en a déjà trop. Commençons par appliquer la loi pour une République numérique : la plupart des collectivités concernées ne publient quasiment rien.", appeal: 0.5),
            DemoContribution(author: "p22", title: "Une charte éthique", body: "L'éthique doit être au cœur de la gouvernance : une charte de la donnée publique votée en conseil municipal, comme on l'a fait à Albi.", appeal: 0.66),
            DemoContribution(author: "p74", title: nil, body: "Les syndicats d'énergie ont énormément de données (consommations, réseaux, éclairage public). Il faut les intégrer à la gouvernance territoriale.", appeal: 0.64),
            DemoContribution(author: "p17", title: "Culture de la donnée", body: "Développer la culture de la donnée chez les élus et les agent·es : comprendre ce qu'est une donnée, à quoi elle sert, qui en est responsable. C'est le préalable à tout.", appeal: 0.82),
            DemoContribution(author: "p88", title: "Les petites communes sont oubliées", body: "Les petites communes n'ont aucun agent capable de produire ou de publier une donnée. Chez nous, comme dans beaucoup de villes moyennes, la donnée est éparpillée dans des tableurs tenus par une ou deux personnes, sans documentation, et quand l'agent part à la retraite tout part avec lui. On nous parle d'open data, d'IA, de jumeaux numériques, mais la réalité c'est qu'on n'a même pas le temps de mettre à jour la liste des associations sur le site. Il faut un accompagnement technique et humain, mutualisé (interco, OPSN, département), et un financement qui tienne compte de la taille de la collectivité. Sinon l'écart avec les métropoles va continuer à se creuser.", appeal: 0.84),
            DemoContribution(author: "p66", title: "Chef de projet data mutualisé", body: "Financer un poste de chef de projet data mutualisé par intercommunalité, à l'image de ce qui a été fait pour les conseillers numériques.", appeal: 0.77),
            DemoContribution(author: "p42", title: nil, body: "À Lyon on forme les agents à la donnée avec un parcours de 3 jours. Ce qui marche le mieux : partir de leurs propres fichiers Excel.", appeal: 0.64),
            DemoContribution(author: "p13", title: nil, body: "Égalité territoriale : les métropoles ont des data scientists, les villages n’ont même pas de SIG. Le financement doit tenir compte de la strate.", appeal: 0.8),
            DemoContribution(author: "p56", title: "OPSN et ingénierie data", body: "Les OPSN peuvent jouer le rôle d'ingénierie data pour les petites collectivités, comme ils le font pour le RGPD avec les DPO mutualisés.", appeal: 0.75),
            DemoContribution(author: "p17", title: nil, body: "former les agents a la donnée avant d'acheter des plateformes hors de prix !!", appeal: 0.7),
            DemoContribution(author: "p18", title: nil, body: "Donner aux collectivités les moyens d'agir sur la donnée : un financement adapté aux petites strates, avec de l'accompagnement humain.", appeal: 0.68),
            DemoContribution(author: "p85", title: "Dataviz pour les élus", body: "Les élus ne lisent pas les tableaux. Des tableaux de bord simples et visuels sur les données de la commune aideraient à décider. Limoges a commencé, retour très positif.", appeal: 0.6),
            DemoContribution(author: "p69", title: nil, body: "Acculturer les élus à la donnée : un module « données » dans la formation des élus au numérique.", appeal: 0.62),
            DemoContribution(author: "p52", title: "Administrateur des données mutualisé", body: "Le DPO mutualisé a bien marché via les centres de gestion, on peut reproduire le modèle pour un « administrateur des données » partagé.", appeal: 0.7),
            DemoContribution(author: "p76", title: "Standards et interopérabilité", body: "Utiliser systématiquement les schémas de données nationaux (schema.data.gouv.fr). Sans standards communs, impossible de croiser les données de deux communes voisines.", appeal: 0.7),
            DemoContribution(author: "p50", title: "Open data : animer la réutilisation", body: "Châteauroux Métropole publie ses données sur data.gouv.fr mais personne ne les réutilise. L'open data sans animation, ça ne marche pas.", appeal: 0.63),
            DemoContribution(author: "p28", title: nil, body: "Le SIG est souvent le seul vrai outil data des collectivités. Partir du SIG pour construire la gouvernance, c'est pragmatique.", appeal: 0.58),
            DemoContribution(author: "p34", title: nil, body: "Montrouge : hackathon avec des lycéens sur nos données de mobilité, excellent pour montrer à quoi sert l'open data 👍", appeal: 0.55),
            DemoContribution(author: "p66", title: "Formats ouverts", body: "Les éditeurs de logiciels métier doivent être obligés de fournir les données dans des formats ouverts, c'est un vrai verrou aujourd'hui.", appeal: 0.8),
            DemoContribution(author: "p17", title: "Données d'intérêt général", body: "Récupérer nos propres données chez nos délégataires (eau, transports, déchets) est un parcours du combattant. Il faut une clause type « données d'intérêt général » dans tous les contrats.", appeal: 0.78),
            DemoContribution(author: "p14", title: "IA territoriale", body: "Pas d'IA territoriale sans données de qualité. Avant de parler d'IA, investissons dans la qualité, la documentation et la mise à jour de nos données.", appeal: 0.78),
            DemoContribution(author: "p76", title: nil, body: "Hébergement souverain des données publiques : SecNumCloud pour les données sensibles, avec des offres accessibles aux collectivités moyennes.", appeal: 0.6),
            DemoContribution(author: "p30", title: nil, body: "Mutualiser des jeux de données entre collectivités pour des IA territoriales utiles (instruction urbanisme, voirie…). Seul, personne n'a assez de données.", appeal: 0.55),
            DemoContribution(author: "p17", title: "RGPD et IA", body: "IA et données personnelles : attention au RGPD. Des agents copient-collent des données d'usagers dans des outils en ligne sans le savoir.", appeal: 0.66),
            DemoContribution(author: "p63", title: nil, body: "La Rochelle : jumeau numérique du territoire pour suivre le trait de côte. Ça n'a été possible que parce qu'on avait des données propres depuis 10 ans.", appeal: 0.6),
            DemoContribution(author: "p55", title: nil, body: "L'IA territoriale ne doit pas devenir un nouveau marché captif pour quelques grands acteurs. Priorité aux modèles ouverts.", appeal: 0.58),
            DemoContribution(author: "p22", title: nil, body: "Question : la synthèse de l'atelier sera-t-elle partagée avec les collectivités qui n'ont pas pu venir ?", appeal: 0.25),
            DemoContribution(author: "p77", title: nil, body: "Très bonne animation, merci Open Data France et toute l’équipe 🙏", appeal: 0.22),
            DemoContribution(author: "p85", title: nil, body: "Je n'arrive pas à voter sur la plateforme depuis mon téléphone, c'est normal ?", appeal: 0.1),
            DemoContribution(author: "p42", title: "Conservation et suppression", body: "Données et sobriété : on stocke tout, tout le temps, sans jamais rien supprimer. Une politique de conservation et de suppression des données, ça fait aussi partie de la gouvernance.", appeal: 0.67),
        ]
    )
}
