import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// The analyze output: the previous file stays whole on failure, and the descriptor is closed once.
@Suite(.serialized) struct OutputSinkTests {
    /// Before the fix, a failed rename closed the descriptor in `commit` and `abandon` closed the
    /// same number again: by then it belonged to the next file opened (here /dev/null).
    @Test func aFailedCommitThenAbandonClosesTheDescriptorOnce() throws {
        let dir = Paths.temporaryFolder("sink")
        let target = dir + "/out.csv"
        try FileManager.default.createDirectory(atPath: target + "/not-empty", withIntermediateDirectories: true)
        let sink = try OutputSink(.file(target))
        try sink.write(Array("id\n".utf8))
        #expect(throws: BatchError.self) { try sink.commit() }
        let other = open("/dev/null", O_RDONLY)
        defer { close(other) }
        sink.abandon()
        #expect(fcntl(other, F_GETFD) != -1, "abandon closed a descriptor it no longer owned")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
    }

    @Test func abandonLeavesThePreviousFileAsItWas() throws {
        let dir = Paths.temporaryFolder("sink")
        try "previous\n".write(toFile: dir + "/out.csv", atomically: true, encoding: .utf8)
        let sink = try OutputSink(.file(dir + "/out.csv"))
        try sink.write(Array(repeating: 0x61, count: 3 << 20))
        sink.abandon()
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
    }

    /// Small writes are gathered, large ones go straight out, and the file's write-back starts
    /// every 8 MiB: whatever the mix (here 20 MiB), the file holds every byte in order.
    @Test func smallAndLargeWritesComeOutWholeAndInOrder() throws {
        let dir = Paths.temporaryFolder("sink")
        let sink = try OutputSink(.file(dir + "/out.csv"))
        var expected: [UInt8] = []
        for k in 0..<60 {
            // Each piece its own letter, so a piece out of place or lost shows.
            let size = k % 3 == 0 ? 2 : (k % 3 == 1 ? 300_001 : 700_003)
            let piece = [UInt8](repeating: UInt8(0x41 + k % 26), count: size)
            try sink.write(piece)
            expected += piece
        }
        try sink.commit()
        #expect(expected.count > 2 * AtomicFile.writebackBytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.csv")) == Data(expected))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
    }

    @Test func aDeviceIsWrittenDirectlyAndAFullOneIsAnError() throws {
        let sink = try OutputSink(.file("/dev/full"))
        #expect(throws: BatchError.cannotWrite(path: "/dev/full", reason: "No space left on device")) {
            try sink.write(Array(repeating: 0x61, count: 2 << 20))
        }
        sink.abandon()
        #expect(FileManager.default.fileExists(atPath: "/dev/full"))
    }
}
