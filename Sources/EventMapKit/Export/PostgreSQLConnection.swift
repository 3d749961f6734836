import Foundation

/// A GDAL PostgreSQL connection string (`PG:dbname=... host=...`, or `PG:postgresql://...`),
/// read only to name the server in messages: the host and database, never the password.
public struct PostgreSQLConnection: Sendable, Equatable {
    /// The string as given, handed to GDAL's PostgreSQL driver.
    public let gdalName: String
    public let host: String?
    public let database: String?
    let password: String?

    /// Nil when `text` is not a `PG:` name.
    public init?(_ text: String) {
        guard text.hasPrefix("PG:") else { return nil }
        gdalName = text
        let body = String(text.dropFirst(3))
        var values: [String: String] = [:]
        if body.hasPrefix("postgresql://") || body.hasPrefix("postgres://"), let url = URLComponents(string: body) {
            values["host"] = url.host
            values["password"] = url.password
            let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
            if !path.isEmpty { values["dbname"] = path }
            for q in url.queryItems ?? [] { if let v = q.value { values[q.name] = v } }
        } else {
            values = Self.keywordValues(body)
        }
        host = values["host"] ?? values["hostaddr"]
        database = values["dbname"]
        password = values["password"]
    }

    /// libpq's `keyword=value` pairs, values optionally in single quotes with `\'` and `\\`.
    static func keywordValues(_ s: String) -> [String: String] {
        var out: [String: String] = [:]
        var chars = Array(s)[...]
        func skipSpaces() { while let c = chars.first, c.isWhitespace { chars.removeFirst() } }
        while true {
            skipSpaces()
            guard !chars.isEmpty else { break }
            var key = ""
            while let c = chars.first, c != "=", !c.isWhitespace { key.append(c); chars.removeFirst() }
            skipSpaces()
            guard chars.first == "=" else { break }
            chars.removeFirst()
            skipSpaces()
            var value = ""
            if chars.first == "'" {
                chars.removeFirst()
                while let c = chars.popFirst(), c != "'" {
                    if c == "\\", let next = chars.popFirst() { value.append(next) } else { value.append(c) }
                }
            } else {
                while let c = chars.first, !c.isWhitespace { value.append(c); chars.removeFirst() }
            }
            out[key] = value
        }
        return out
    }

    /// "database "x" on host "y"", with libpq's defaults named when a part is not given.
    public var label: String {
        "database \"\(database ?? "(PGDATABASE or the user name)")\" on host \"\(host ?? "(PGHOST or the local socket)")\""
    }

    /// The server could not be reached or refused us: one sentence with the host and database and
    /// libpq's reason (its first line after GDAL's "PQconnectdb failed."), never the password.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String

        init(_ c: PostgreSQLConnection, gdalMessage: String) {
            let lines = gdalMessage.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let reason = lines.first { !$0.isEmpty && !$0.hasPrefix("PQconnectdb failed") } ?? lines.first ?? "no reason given"
            var text = c.redacting(reason)
            while text.hasSuffix(".") { text.removeLast() }
            description = "cannot connect to PostgreSQL \(c.label): \(text)."
        }
    }

    /// `text` with the password (if any) blanked out, for messages.
    public func redacting(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}
