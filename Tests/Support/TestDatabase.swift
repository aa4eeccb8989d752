import AtelierStore
import Foundation
import Postgres

/// Real PostgreSQL for tests: `make test` starts a throwaway cluster and exports its URL.
/// Each test gets its own database, cloned from a template migrated once per run, so tests
/// run in parallel without seeing each other's rows.
public enum TestDatabase {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var serverURL: String {
        guard
            let url = ProcessInfo.processInfo.environment["ATELIER_TEST_DATABASE_URL"]
                ?? ProcessInfo.processInfo.environment["DATABASE_URL"]
        else {
            fatalError("no test database: run `make test`, or set ATELIER_TEST_DATABASE_URL")
        }
        return url
    }

    /// A new, empty database (no schema); its URL.
    public static func empty(named prefix: String = "t") async throws -> String {
        try await Creator.shared.create(prefix: prefix, template: "template0")
    }

    /// A new database with every migration of `sql/` applied; its URL.
    public static func migrated() async throws -> String {
        let template = try await Creator.shared.migratedTemplate()
        return try await Creator.shared.create(prefix: "m", template: template)
    }

    /// A new database holding what the one at `url` holds now, which nobody may be using
    /// (CREATE DATABASE … TEMPLATE): a standby that stopped replaying there, for instance.
    public static func copy(of url: String) async throws -> String {
        try await Creator.shared.create(prefix: "copy", template: String(url.split(separator: "/").last!))
    }

    /// The URL of `database` on the test server.
    public static func url(database: String) -> String {
        guard var components = URLComponents(string: serverURL) else { return serverURL }
        components.path = "/" + database
        return components.string ?? serverURL
    }

    /// CREATE DATABASE … TEMPLATE fails while another session uses the template, so one
    /// actor creates databases one at a time.
    actor Creator {
        static let shared = Creator()
        private var template: String?
        private var counter = 0

        func create(prefix: String, template: String) throws -> String {
            counter += 1
            let name = "\(prefix)_\(ProcessInfo.processInfo.processIdentifier)_\(counter)"
            let admin = try Connection.connect(url: serverURL)
            defer { admin.close() }
            // Names are made here, never from input: a statement cannot take them as parameters.
            try admin.execute("CREATE DATABASE \(name) TEMPLATE \(template)")
            return url(database: name)
        }

        func migratedTemplate() async throws -> String {
            if let template { return template }
            let url = try create(prefix: "tpl", template: "template0")
            let pool = ConnectionPool(.init(url: url, size: 1))
            let migrations = try Migrator.load(directory: repositoryRoot.appendingPathComponent("sql"))
            try await Migrator(pool: pool, migrations: migrations).migrate()
            try await pool.shutdown()
            let name = String(url.split(separator: "/").last!)
            template = name
            return name
        }
    }
}
