// swift-format-ignore-file
// (data: one record per line)
// The six workshops of the demo congress, in the order of the press release.

extension DemoCongress {
    static let workshops: [DemoWorkshop] = [
        pilotage,
        accesAuDroit,
        urgenceClimatique,
        numeriqueEducatif,
        risquesCyber,
        gouvernanceDonnees,
    ]
}
