import Foundation
import Testing
import TestSupport

/// Faults while writing: a killed process, a full disk and a read-only folder leave the previous
/// output whole, with a clear error and a non-zero exit. The writers put a temporary file beside
/// the target, fsync it and rename it (AtomicWrite, AtomicFile).
@Suite(.serialized) struct OutputFaultTests {
    static let previous = "previous output\n"

    /// An events file of `rows` rows (seeded positions around Idlib).
    static func events(_ rows: Int, in dir: String) throws -> String {
        var rng = SeededGenerator(seed: 12)
        var text = "id,lat,lon\n"
        for i in 0..<rows {
            text += "e\(i),\(Double.random(in: 35...37, using: &rng)),\(Double.random(in: 35.5...38, using: &rng))\n"
        }
        try text.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        return dir + "/events.csv"
    }

    static func assertPreviousWhole(_ dir: String, _ name: String = "out.csv") throws {
        #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") && $0.contains(".tmp") }.isEmpty)
    }

    @Test func aKilledAnalyzeLeavesThePreviousFileWhole() throws {
        let dir = Paths.temporaryFolder("fault-kill")
        let input = try Self.events(200_000, in: dir)
        try Self.previous.write(toFile: dir + "/out.csv", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Paths.eventmapBinary)
        // One border keeps the set-up short (the world's index takes seconds in a sanitized debug build).
        p.arguments = ["analyze", input, "--border", "border:SYR-TUR", "-o", dir + "/out.csv"]
        p.currentDirectoryURL = URL(fileURLWithPath: Paths.repository)
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it once the temporary output holds some rows (it is being written).
        var writing = false
        for _ in 0..<6000 where !writing {
            usleep(5000)
            let tmp = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.first { $0.hasPrefix(".out.csv.") }
            if let tmp, let a = try? FileManager.default.attributesOfItem(atPath: dir + "/" + tmp), (a[.size] as? Int ?? 0) > 0 { writing = true }
            if !p.isRunning { break }
        }
        #expect(writing, "the run ended before it could be killed mid-write")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == Self.previous)
        // The killed run's temporary is left behind; the next write to the same target removes it.
        let leftover = ".out.csv.\(p.processIdentifier).tmp.csv"
        #expect(FileManager.default.fileExists(atPath: dir + "/" + leftover))
        try "id,lat,lon\nk1,36.1168,36.51522\n".write(toFile: dir + "/small.csv", atomically: true, encoding: .utf8)
        let again = try CLI.run(["analyze", dir + "/small.csv", "--border", "border:SYR-TUR", "-o", dir + "/out.csv"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + leftover))
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8).contains("k1,10823.087,"))  // the seed distance (README: 10,823.08663 m, GeographicLib-checked)
    }

    /// A full disk: a small tmpfs when the tests may mount one, else a file size limit (ulimit -f,
    /// SIGXFSZ ignored), which fails the same writes with "File too large".
    @Test func aFullDiskIsAnErrorAndLeavesThePreviousFileWhole() throws {
        let work = Paths.temporaryFolder("fault-full")
        let input = try Self.events(20_000, in: work)
        let fs = ScratchFileSystem(kilobytes: 256)
        let dir = fs?.path ?? work
        try Self.previous.write(toFile: dir + "/out.csv", atomically: true, encoding: .utf8)
        try Self.previous.write(toFile: dir + "/acled.csv", atomically: true, encoding: .utf8)
        func run(_ args: [String]) throws -> ExternalTool.Result {
            if fs != nil { return try CLI.run(args) }
            let quoted = ([Paths.eventmapBinary] + args).map { "'\($0)'" }.joined(separator: " ")
            return try ExternalTool.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 64; exec \(quoted)"], currentDirectory: Paths.repository)
        }
        let reason = fs != nil ? "No space left on device" : "File too large"
        let analyze = try run(["analyze", input, "-o", dir + "/out.csv"])
        #expect(analyze.status != 0)
        #expect(analyze.stderr.contains("could not write \(dir)/out.csv: \(reason)"), "\(analyze.stderr)")
        #expect(!analyze.stderr.contains("Fatal error"))
        try Self.assertPreviousWhole(dir)
        // A whole-file writer (AtomicWrite): fill the disk first so that even a small file fails.
        if fs != nil { _ = try? Data(count: 400 << 10).write(to: URL(fileURLWithPath: dir + "/filler")) }
        let acled = try run(["events", "--format", "acled", "-o", dir + "/acled.csv"] + (fs == nil ? ["--events", input] : []))
        #expect(acled.status != 0)
        #expect(acled.stderr.contains("could not write \(dir)/acled.csv"), "\(acled.stderr)")
        #expect(try String(contentsOfFile: dir + "/acled.csv", encoding: .utf8) == Self.previous)
    }

    /// `render`'s event layer is written feature by feature (never whole in memory) to its atomic
    /// file: a disk that fills up in the middle of it is an error naming the file, and the previous
    /// events.geojson stays whole, with no temporary file left.
    @Test func aFullDiskWhileTheEventLayerStreamsLeavesThePreviousFileWhole() throws {
        let work = Paths.temporaryFolder("fault-render")
        let csv = work + "/acled.csv"
        let g = try ExternalTool.run("/usr/bin/python3", [Paths.repository + "/bench/make_acled_events.py", "3000", csv, "--seed", "4"])
        #expect(g.status == 0, "\(g.stderr)")
        let fs = ScratchFileSystem(kilobytes: 512)
        let dir = fs?.path ?? work + "/maps"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.previous.write(toFile: dir + "/events.geojson", atomically: true, encoding: .utf8)
        let args = ["render", "--events", csv, "-o", dir]
        let r: ExternalTool.Result
        if fs != nil {
            r = try CLI.run(args)
        } else {
            // 3,000 events are ~4 MB of GeoJSON; 1 MB is allowed (ulimit -f counts 512-byte blocks in sh).
            let quoted = ([Paths.eventmapBinary] + args).map { "'\($0)'" }.joined(separator: " ")
            r = try ExternalTool.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 2048; exec \(quoted)"], currentDirectory: Paths.repository)
        }
        #expect(r.status != 0)
        #expect(r.stderr.contains("could not write \(dir)/events.geojson"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        try Self.assertPreviousWhole(dir, "events.geojson")
    }

    @Test func writingToDevFullIsAnError() throws {
        let work = Paths.temporaryFolder("fault-devfull")
        let input = try Self.events(20_000, in: work)
        let r = try CLI.run(["analyze", input, "-o", "/dev/full"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("could not write /dev/full: No space left on device"), "\(r.stderr)")
        let e = try CLI.run(["events", "--format", "acled", "-o", "/dev/full"])
        #expect(e.status != 0)
        #expect(e.stderr.contains("could not write /dev/full: No space left on device"), "\(e.stderr)")
    }

    /// A read-only folder: a read-only tmpfs when the tests may mount (root ignores permissions),
    /// else a folder without write permission.
    @Test func aReadOnlyFolderIsAnErrorAndLeavesThePreviousFileWhole() throws {
        let work = Paths.temporaryFolder("fault-ro")
        let input = try Self.events(100, in: work)
        let fs = ScratchFileSystem(kilobytes: 64)
        let dir = fs?.path ?? work + "/ro"
        if fs == nil { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try Self.previous.write(toFile: dir + "/out.csv", atomically: true, encoding: .utf8)
        try Self.previous.write(toFile: dir + "/acled.csv", atomically: true, encoding: .utf8)
        if let fs { try fs.makeReadOnly() } else { chmod(dir, 0o555) }
        defer { chmod(dir, 0o755) }
        let reason = fs != nil ? "Read-only file system" : "Permission denied"
        for args in [["analyze", input, "-o", dir + "/out.csv"], ["events", "--format", "acled", "-o", dir + "/acled.csv"]] {
            let r = try CLI.run(args)
            #expect(r.status != 0)
            #expect(r.stderr.contains("could not write \(args.last!): \(reason)"), "\(r.stderr)")
        }
        try Self.assertPreviousWhole(dir)
        #expect(try String(contentsOfFile: dir + "/acled.csv", encoding: .utf8) == Self.previous)
    }
}
