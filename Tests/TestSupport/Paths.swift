import Foundation

/// Where things are: the repository, its bundled data, and the built CLI.
public enum Paths {
    /// The repository root, found from this file's location.
    public static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    public static func geodata(_ name: String) -> String { repository + "/geodata/" + name }

    /// The `eventmap` binary built beside the test bundle (same configuration and sanitizer).
    public static let eventmapBinary: String = {
        let exe = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("eventmap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository + "/.build/debug/eventmap"
    }()

    /// A fresh empty folder under the system's temporary directory.
    public static func temporaryFolder(_ label: String = "eventmap-test") -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// Runs the built CLI.
public enum CLI {
    public static func run(_ arguments: [String], input: String = "", currentDirectory: String? = nil) throws -> ExternalTool.Result {
        try ExternalTool.run(Paths.eventmapBinary, arguments, input: input, currentDirectory: currentDirectory ?? Paths.repository)
    }
}

extension Paths {
    /// The Python of the tests' virtual environment (`scripts/ensure-venv.sh`, run by `make test`).
    public static let venvPython: String = {
        let env = ProcessInfo.processInfo.environment["EVENTMAP_VENV"] ?? (repository + "/.venv")
        return env + "/bin/python"
    }()
}

/// Facts about the test run itself.
public enum TestRun {
    /// True in CI's second pass (AddressSanitizer): tests of external engines (Spark) skip there.
    public static let isSanitizerPass = ProcessInfo.processInfo.environment["EVENTMAP_SANITIZER_PASS"] != nil
}

extension Paths {
    /// A file of Tests/Reference (reference values and the fixtures they were computed on, e.g.
    /// syria-turkey.geojson: the world data's SYR-TUR border as GeoJSON).
    public static func reference(_ name: String) -> String { repository + "/Tests/Reference/" + name }
}
