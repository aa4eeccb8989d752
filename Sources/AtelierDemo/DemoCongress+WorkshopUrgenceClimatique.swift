// swift-format-ignore-file
// (data: one record per line)
// Workshop « Accompagner la stratégie numérique face à l'urgence climatique ».
// Fictional contributions, written as posted from a phone during the session.

extension DemoCongress {
    static let urgenceClimatique: DemoWorkshop = DemoWorkshop(
        slug: "urgence-climatique",
        engagement: "urgence-climatique",
        title: "Accompagner la stratégie numérique face à l'urgence climatique",
        description: "La transition numérique n'est pas neutre : elle consomme des ressources énergétiques et matérielles. Entre la fuite en avant et une trajectoire responsable (sobriété des usages, lutte contre les obsolescences, exigences environnementales dans les marchés publics, sensibilisation des citoyens), c'est un arbitrage de mandature, pas un détail d'ingénierie.",
        contributions: [
            DemoContribution(author: "p26", title: "Aider les communes de moins de 50 000 habitants", body: "La loi REEN impose une stratégie numérique responsable aux communes de plus de 50 000 habitants. Les autres n’ont ni l’obligation ni les moyens de la faire. Il faut une aide à l’ingénierie pour elles.", appeal: 0.87),
            DemoContribution(author: "p68", title: "Clé en main", body: "Dans une commune de 2 000 habitants personne n'a le temps de faire un inventaire du parc ni de calculer une empreinte carbone. Il faut un accompagnement clé en main.", appeal: 0.8),
            DemoContribution(author: "p81", title: nil, body: "Les petites collectivités ont besoin d'aide pour la stratégie NR, pas d'une obligation de plus.", appeal: 0.72),
            DemoContribution(author: "p07", title: "Des indicateurs partagés", body: "Généraliser des outils de mesure communs (TIE Break, IRN…) pour que toutes les collectivités suivent les mêmes indicateurs : durée de vie des équipements, consommation, taux de réemploi.", appeal: 0.76),
            DemoContribution(author: "p31", title: nil, body: "À Bordeaux Métropole on suit 12 indicateurs depuis la loi REEN. Le plus dur n’est pas de les définir, c’est de récupérer les données auprès des prestataires.", appeal: 0.66),
            DemoContribution(author: "p35", title: "Achats responsables", body: "Intégrer systématiquement des clauses environnementales dans les marchés informatiques : indice de réparabilité, durée de garantie, reprise du matériel. Un modèle de clauses national aiderait beaucoup.", appeal: 0.84),
            DemoContribution(author: "p90", title: "UGAP et reconditionné", body: "Les centrales d'achat (UGAP etc) devraient proposer par défaut du matériel reconditionné et des clauses AGEC, ça simplifierait tout pour les petites commnes", appeal: 0.77),
            DemoContribution(author: "p72", title: nil, body: "L'obligation AGEC de 20 % de reconditionné dans les achats : chez nous à Albret Communauté on n'y est pas du tout, on ne sait même pas comment acheter.", appeal: 0.6),
            DemoContribution(author: "p61", title: nil, body: "La mesure c’est bien mais attention à ne pas passer plus de temps à mesurer qu’à agir.", appeal: 0.5),
            DemoContribution(author: "p57", title: nil, body: "aide à l'ingénierie pour les communes de moins de 50 000 hab pour la stratégie numérique responsable et le suivi des indicateurs", appeal: 0.68),
            DemoContribution(author: "p63", title: "Rôle des OPSN", body: "Les OPSN pourraient porter l'ingénierie numérique responsable pour les petites communes, comme ils le font déjà pour le RGPD.", appeal: 0.74),
            DemoContribution(author: "p08", title: "Un guide national", body: "Un guide national de la stratégie numérique responsable, co-construit avec les associations d’élus et les OPSN, et mis à jour avec la feuille de route énergétique 2030.", appeal: 0.74),
            DemoContribution(author: "p34", title: "IA frugale", body: "L'IA générative fait exploser la consommation. Avant de déployer un outil d'IA, évaluer l'adéquation usage / empreinte : un petit modèle (SLM) hébergé localement suffit souvent.", appeal: 0.72),
            DemoContribution(author: "p49", title: "Sensibiliser en interne", body: "Nos agents utilisent l'IA pour tout et n'importe quoi, même pour reformuler un mail de 3 lignes. Il faut sensibiliser en interne sur l'empreinte de ces usages.", appeal: 0.6),
            DemoContribution(author: "p59", title: "Résilience", body: "La résilience numérique devrait faire partie de la stratégie : que se passe-t-il si le réseau tombe pendant une canicule ? Nos salles serveurs tiennent-elles à 40° ?", appeal: 0.63),
            DemoContribution(author: "p86", title: "Intégrer au PCAET", body: "Le numérique responsable ne doit pas être un sujet à part mais intégré au plan climat (PCAET). Sinon il reste dans un placard.", appeal: 0.78),
            DemoContribution(author: "p77", title: nil, body: "Toulouse : on a intégré le numérique dans notre PCAET, ça a permis de mobiliser les services techniques. A recommander.", appeal: 0.62),
            DemoContribution(author: "p45", title: nil, body: "Pour l'IA je ne suis pas d'accord avec l'idée de tout freiner : certains usages évitent beaucoup de déplacements et de papier. Il faut regarder le bilan global.", appeal: 0.42),
            DemoContribution(author: "p18", title: "Boucles locales de reconditionnement", body: "Il faut financer des filières locales de reconditionnement. Aujourd'hui nos PC réformés partent chez un prestataire à 300 km, sont effacés, puis revendus on ne sait où. Pendant ce temps, dans l'agglo, une structure d'insertion pourrait les reconditionner sur place, former des jeunes au métier de technicien et redonner les machines aux familles suivies par le CCAS ou aux associations. Le problème c'est le modèle économique : les volumes d'une seule collectivité sont trop faibles et irréguliers. Il faudrait que plusieurs collectivités (communes, agglo, département, hôpital…) s'engagent ensemble sur des volumes, avec un financement de démarrage sur 3 ans pour que la structure tienne le temps de trouver son équilibre.", appeal: 0.88),
            DemoContribution(author: "p23", title: nil, body: "Au Pays de Nay on donne nos ordinateurs réformés à une asso d'insertion qui les reconditionne pour les collégiens. Peu cher, utile et ça crée de l'emploi local.", appeal: 0.78),
            DemoContribution(author: "p57", title: "Appel à projets reconditionnement", body: "Un appel à projets national pour structurer les boucles locales de reconditionnement, avec un financement sur 3 ans minimum pour que les filières tiennent.", appeal: 0.8),
            DemoContribution(author: "p26", title: "7 ans minimum", body: "Allonger la durée de vie des ordinateurs à 7 ans minimum dans les collectivités, au lieu de 4-5 ans aujourd'hui.", appeal: 0.74),
            DemoContribution(author: "p26", title: "Linux à Fleury", body: "A Fleury on garde les PC 7 ans avec passage sous Linux pour les postes bureautique. Les agents ont râlé au début, plus maintenant.", appeal: 0.66),
            DemoContribution(author: "p35", title: "Obsolescence logicielle", body: "La fin du support de Windows 10 a poussé plein de collectivités à jeter des machines qui marchaient très bien. C'est de l'obsolescence logicielle pure.", appeal: 0.72),
            DemoContribution(author: "p90", title: nil, body: "Obsolescence logicielle : les éditeurs de logiciels métier devraient être obligés de supporter les anciens matériels plus longtemps", appeal: 0.6),
            DemoContribution(author: "p68", title: nil, body: "Chez nous le reconditionnement c'est compliqué, la structure la plus proche est à Bordeaux. Sans filière locale les dons restent dans un placard.", appeal: 0.58),
            DemoContribution(author: "p29", title: nil, body: "Oui au réemploi local du matériel 👍", appeal: 0.66),
            DemoContribution(author: "p42", title: nil, body: "La Ville de Lyon a un marché de reconditionnement avec une entreprise adaptée, je peux partager le cahier des charges si ça intéresse.", appeal: 0.6),
            DemoContribution(author: "p72", title: "Question juridique", body: "Peut-on donner légalement du matériel informatique communal à des particuliers ? On nous dit tout et son contraire.", appeal: 0.5),
            DemoContribution(author: "p59", title: "Tiers-lieux numérique responsable", body: "Les tiers-lieux sont l’endroit idéal pour sensibiliser les habitants : repair café, ateliers de réparation de smartphones, fresque du numérique… Un AAP national les aiderait à durer.", appeal: 0.8),
            DemoContribution(author: "p86", title: nil, body: "Faire des ateliers « fresque du numérique » avec les habitants et les élus. Chez nous à Angoulême ça a très bien marché avec les lycéens.", appeal: 0.65),
            DemoContribution(author: "p31", title: "Montrer l'exemple", body: "Sensibiliser les citoyens c’est bien mais les collectivités doivent d’abord montrer l’exemple, sinon c’est pas crédible.", appeal: 0.7),
            DemoContribution(author: "p34", title: "NR + inclusion", body: "Lier numérique responsable et inclusion : les tiers-lieux et les CN peuvent faire les deux en même temps (reconditionnement + formation).", appeal: 0.72),
            DemoContribution(author: "p07", title: nil, body: "Sensibiliser les élu·es en priorité : tant que le conseil municipal ne voit pas le sujet, rien ne bouge.", appeal: 0.67),
            DemoContribution(author: "p47", title: nil, body: "Une campagne nationale de sensibilisation au numérique responsable, comme pour le tri des déchets, avec des messages simples.", appeal: 0.55),
            DemoContribution(author: "p58", title: nil, body: "Les repair cafés manquent de bénévoles qui savent réparer du numérique. Former des bénévoles via les tiers-lieux ?", appeal: 0.52),
            DemoContribution(author: "p77", title: "Écrans publicitaires", body: "Est-ce qu'on parle aussi des écrans publicitaires numériques en ville ? C’est un vrai sujet de sobriété, on les a limités dans notre RLP.", appeal: 0.45),
            DemoContribution(author: "p42", title: nil, body: "Les data centers c'est le vrai sujet. Les collectivités devraient pouvoir imposer la récupération de la chaleur fatale.", appeal: 0.48),
            DemoContribution(author: "p35", title: nil, body: "Un peu hors sujet mais : le train pour venir à Agen avait 1h de retard, bravo à ceux qui sont arrivés à l'heure 😄", appeal: 0.12),
            DemoContribution(author: "p08", title: nil, body: "Pour info le guide de la MiNumEco sur le numérique responsable existe déjà, ne réinventons pas tout.", appeal: 0.5),
            DemoContribution(author: "p52", title: nil, body: "Supprimer le papier c’est pas forcément écolo si on change les tablettes tous les 3 ans. Il faut des chiffres objectifs avant de décider.", appeal: 0.55),
            DemoContribution(author: "p26", title: "Couper la nuit", body: "Sobriété : couper les équipements réseau la nuit dans les écoles et bâtiments publics. 15 % d'économie sur la conso réseau chez nous.", appeal: 0.65),
        ]
    )
}
