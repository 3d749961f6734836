import Foundation

/// A throwaway PostgreSQL 15 + PostGIS 3 server for one test (Debian postgresql-15-postgis-3):
/// its own data folder, a Unix socket in a temporary folder and no TCP port (listen_addresses=''),
/// so runs never collide. initdb refuses root, so as root (CI) the server runs as `nobody` through
/// setpriv; as anyone else it runs as that user. Use `with { server in ... }`: it is stopped and
/// its folder removed when the body returns or throws.
public final class PostgreSQLServer {
    public static let binaries = "/usr/lib/postgresql/15/bin"
    public let folder: String
    public let socketFolder: String
    public let database = "eventmap"
    public let user = "eventmap"
    private var running = false

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// True when the server binaries and PostGIS are installed (`make test` installs them).
    public static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: binaries + "/postgres")
            && FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control")
    }

    /// Starts a server, runs `body`, and stops the server whatever happens.
    public static func with<T>(_ body: (PostgreSQLServer) throws -> T) throws -> T {
        let server = try PostgreSQLServer()
        defer { server.stop() }
        try server.start()
        return try body(server)
    }

    private init() throws {
        guard Self.isInstalled else {
            throw Failure(description: "PostgreSQL 15 with PostGIS 3 is not installed: `make test` installs postgresql-15-postgis-3 (TEST_PACKAGES)")
        }
        // /tmp rather than $TMPDIR: the server user (nobody, under root) must be able to reach it,
        // and a socket path must stay under 108 bytes.
        folder = "/tmp/eventmap-pg-\(UUID().uuidString.prefix(8))"
        socketFolder = folder + "/socket"
        try FileManager.default.createDirectory(atPath: socketFolder, withIntermediateDirectories: true)
        if getuid() == 0 {
            // Everything under the folder belongs to the unprivileged server user (logs included).
            let r = try ExternalTool.run("/bin/chown", ["-R", "nobody:nogroup", folder])
            guard r.status == 0 else { throw Failure(description: "chown nobody \(folder): \(r.stderr)") }
        }
    }

    deinit { stop() }

    /// Runs a server binary as the server user (nobody when we are root), its output into
    /// `tool.log` in the folder. posix_spawn and waitpid rather than Foundation's Process: the
    /// server that pg_ctl leaves running inherits what Process watches to see its child end, so
    /// Process would wait for the server instead of pg_ctl.
    private func asServerUser(_ tool: String, _ arguments: [String]) throws {
        let path = Self.binaries + "/" + tool
        let logPath = folder + "/\(tool).log"
        let argv = getuid() == 0
            ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", path] + arguments
            : [path] + arguments
        let env = ["PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=\(folder)"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        func cStrings(_ list: [String]) -> [UnsafeMutablePointer<CChar>?] { list.map { strdup($0) } + [nil] }
        let cArgv = cStrings(argv), cEnv = cStrings(env)
        defer { for p in cArgv + cEnv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnv)
        guard spawned == 0 else { throw Failure(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the C macros are not imported).
        guard status & 0x7f == 0 && (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            let server = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed (wait status \(status)): \(text)\n\(server)")
        }
    }

    private func start() throws {
        try asServerUser("initdb", ["-D", folder + "/data", "-U", user, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"])
        // No TCP at all; the socket lives in our folder; durability is of no use to a throwaway server.
        let options = "-c listen_addresses='' -k \(socketFolder) -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        try asServerUser("pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-o", options, "-w", "-t", "60", "start"])
        running = true
        try psql("CREATE DATABASE \(database)", database: "postgres")
        try psql("CREATE EXTENSION postgis")
    }

    /// Stops the server (immediate shutdown) and removes its folder; safe to call twice.
    public func stop() {
        if running {
            running = false
            _ = try? asServerUser("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "-t", "30", "stop"])
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The GDAL connection string for the test database.
    public var gdalConnection: String { "PG:dbname=\(database) host=\(socketFolder) user=\(user)" }

    /// Runs SQL with psql (unaligned, tuples only, `|` between columns) and returns its output.
    @discardableResult
    public func psql(_ sql: String, database: String? = nil) throws -> String {
        let r = try ExternalTool.run(Self.binaries + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                                               "-h", socketFolder, "-U", user, "-d", database ?? self.database, "-c", sql])
        guard r.status == 0 else { throw Failure(description: "psql: \(sql): \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
