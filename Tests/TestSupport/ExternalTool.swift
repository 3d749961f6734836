import Foundation

/// Runs a program and collects its output: the reference tools (GeodSolve, cs2cs, ogrinfo)
/// and the built `eventmap` binary.
public enum ExternalTool {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct Missing: Error, CustomStringConvertible {
        public let tool: String
        public var description: String {
            "\(tool) is not installed: `make test` installs the reference tools (see the Makefile's TEST_PACKAGES)"
        }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` and `input` on stdin.
    public static func run(_ executable: String, _ arguments: [String], input: String = "",
                           environment: [String: String]? = nil, currentDirectory: String? = nil) throws -> Result {
        let path = executable.contains("/") ? executable : try which(executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so that a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = errPipe.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errThread.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The full path of a program on PATH (plus /usr/bin), or `Missing`.
    public static func which(_ name: String) throws -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) { return d + "/" + name }
        throw Missing(tool: name)
    }

    public static func isInstalled(_ name: String) -> Bool { (try? which(name)) != nil }
}
