import AtelierServices
import HTTPTypes
import Hummingbird

/// A page's refusal, said in French; rendered as an error page in the layout, with its status.
struct PageError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// Not signed in: the page sends the browser to the sign-in form instead.
    static let signInRequired = PageError(.seeOther, "", headers: [.location: "/entrer"])
}

/// The error page for any failure of a page: the statuses people meet, each with its French
/// title and what to do next.
struct ErrorPage {
    let status: Int
    let heading: String
    let message: String

    static func make(status: HTTPResponse.Status, message: String?) -> ErrorPage {
        let (heading, fallback): (String, String) =
            switch status.code {
            case 403: ("Accès refusé", "Votre rôle ne permet pas d'ouvrir cette page ou de faire cette action.")
            case 404: ("Page introuvable", "Cette adresse ne mène à rien, ou à quelque chose que vous ne pouvez pas voir.")
            case 405: ("Action impossible ici", "Cette adresse ne permet pas cette action.")
            case 409: ("Action impossible pour l'instant", "L'état actuel ne le permet pas : l'atelier est peut-être fermé.")
            case 412: ("Modifié entre-temps", "Quelqu'un a modifié cet élément depuis que vous l'avez ouvert.")
            case 413: ("Envoi trop volumineux", "Ce que vous avez envoyé dépasse 64 Kio.")
            case 422: ("Saisie à corriger", "Une donnée envoyée ne respecte pas les règles.")
            case 429: ("Trop d'essais", "Trop d'essais depuis votre connexion. Patientez un peu avant de recommencer.")
            case 503: ("Service momentanément indisponible", "Le service ne répond pas pour l'instant. Réessayez dans quelques secondes.")
            case 400..<500: ("Demande incorrecte", "La demande n'a pas pu être comprise.")
            default: ("Erreur du serveur", "Une erreur s'est produite de notre côté ; elle a été consignée. Réessayez plus tard.")
            }
        return ErrorPage(status: status.code, heading: heading, message: message ?? fallback)
    }
}

extension PageRenderer {
    func errorResponse(status: HTTPResponse.Status, message: String?, headers: HTTPFields, session: PageSession?) -> Response {
        let page = ErrorPage.make(status: status, message: message)
        return render("error", title: page.heading, page: page, session: session, status: status, headers: headers)
    }
}
