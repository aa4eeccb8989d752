import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The pages' templates (`web/templates/*.mustache`) and static files (`web/static/`), read
/// once at start, and the one way a page becomes a response: the layout around the page's
/// template, rendered with the page's view model.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let statics: StaticFiles

    public init(resources: WebResources) throws {
        let folder = resources.root.appendingPathComponent("web/templates")
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        guard !names.isEmpty else { throw PageResourcesMissing(folder: folder.path) }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        statics = try StaticFiles(folder: resources.root.appendingPathComponent("web/static"))
    }

    /// What every page's layout shows around the page itself.
    struct Frame {
        let title: String
        let signedIn: SignedIn?
        /// The session's CSRF token for the forms of the page; empty before signing in.
        let csrf: String
        let stylesheet: String
        let script: String
        let page: Any
    }

    struct SignedIn {
        let name: String
        let role: String
        /// The admin's pages are linked from every page, for admins.
        let admin: Bool
        /// A person, who has data of their own: a display access has none.
        let takesPart: Bool
    }

    /// `template` is a page template that extends `layout`. A template that does not exist is a
    /// programming error, caught by the tests that render every template.
    func render(
        _ template: String, title: String, page: Any, session: PageSession?, status: HTTPResponse.Status = .ok,
        headers: HTTPFields = [:]
    ) -> Response {
        let html = html(template, title: title, page: page, session: session)
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func html(_ template: String, title: String, page: Any, session: PageSession?) -> String {
        let frame = Frame(
            title: title,
            signedIn: session.map {
                SignedIn(
                    name: $0.participant.displayName, role: Self.roleLabel($0.participant.role), admin: $0.participant.role == .admin,
                    takesPart: $0.participant.takesPart)
            },
            csrf: session?.csrfToken ?? "", stylesheet: statics.url("atelier.css"), script: statics.url("atelier.js"), page: page)
        guard let html = library.render(TemplateValues.tree(frame) as Any, withTemplate: template) else {
            preconditionFailure("no template \(template)")
        }
        return html
    }

    static func roleLabel(_ role: Role) -> String {
        switch role {
        case .attendee: "participant"
        case .lead: "animateur"
        case .admin: "administrateur"
        case .display: "écran de plénière"
        }
    }
}

struct PageResourcesMissing: Error, CustomStringConvertible {
    let folder: String
    var description: String { "no page templates in \(folder)" }
}
