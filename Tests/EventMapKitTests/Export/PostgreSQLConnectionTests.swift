import Testing
@testable import EventMapKit

/// The connection strings GDAL's PostgreSQL driver takes (libpq keyword=value, or a URI), read
/// only to name the server in messages, never its password.
@Suite struct PostgreSQLConnectionTests {
    @Test func keywordValuesWithQuotesAndEscapes() throws {
        let c = try #require(PostgreSQLConnection("PG:dbname='my db' host=/tmp/pg user=me password='it\\'s secret'"))
        #expect(c.database == "my db" && c.host == "/tmp/pg")
        #expect(c.label == "database \"my db\" on host \"/tmp/pg\"")
        #expect(c.redacting("FATAL: bad password it's secret") == "FATAL: bad password ***")
    }

    @Test func uriForm() throws {
        let c = try #require(PostgreSQLConnection("PG:postgresql://me:pw@db.example:5433/gis?sslmode=require"))
        #expect(c.database == "gis" && c.host == "db.example")
        #expect(c.redacting("pw") == "***")
    }

    /// libpq's defaults are named when a part is missing; a non-PG name is not a connection.
    @Test func defaultsAreNamedAndOtherNamesRefused() throws {
        let c = try #require(PostgreSQLConnection("PG:"))
        #expect(c.label == "database \"(PGDATABASE or the user name)\" on host \"(PGHOST or the local socket)\"")
        #expect(PostgreSQLConnection("/tmp/out.gpkg") == nil)
    }

    /// GDAL's message is "PQconnectdb failed." then libpq's reason: the reason is kept, in one sentence.
    @Test func aFailureIsOneSentenceWithLibpqsReason() throws {
        let c = try #require(PostgreSQLConnection("PG:dbname=x host=h password=hunter2"))
        let f = PostgreSQLConnection.Failure(c, gdalMessage: "PQconnectdb failed.\nconnection to server at \"h\" failed: password hunter2 rejected\n\tmore\n")
        #expect(f.description == "cannot connect to PostgreSQL database \"x\" on host \"h\": connection to server at \"h\" failed: password *** rejected.")
    }
}
