import AtelierServices
import Mustache

extension PageRenderer {
    struct BadgeSheetFile {
        let stylesheet: String
        let page: BadgeSheetController.SheetPage
    }

    /// The badge sheet as one HTML file that carries its stylesheet: what `atelier participants
    /// badges` writes, to print anywhere. `origin` is where participants reach the server.
    public func badgeSheetFile(_ sheet: BadgeSheet, origin: String) -> String {
        let file = BadgeSheetFile(stylesheet: statics.text("atelier.css") ?? "", page: BadgeSheetController.page(sheet, origin: origin))
        guard let html = library.render(TemplateValues.tree(file) as Any, withTemplate: "badges-fichier") else {
            preconditionFailure("no template badges-fichier")
        }
        return html
    }
}
