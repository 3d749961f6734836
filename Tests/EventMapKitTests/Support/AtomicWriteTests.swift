import Foundation
import Testing
import TestSupport
@testable import EventMapKit

/// Files are replaced whole or not at all.
@Suite struct AtomicWriteTests {
    @Test func replacesWholeAndLeavesNoTemporaryFile() throws {
        let dir = Paths.temporaryFolder()
        let path = dir + "/layer.geojson"
        try AtomicWrite.write("first", to: path)
        try AtomicWrite.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["layer.geojson"])
    }

    @Test func missingFolderIsAClearErrorAndWritesNothing() {
        do {
            try AtomicWrite.write("x", to: "/nonexistent-eventmap-dir/out.svg")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("does not exist"))
        }
    }
}
