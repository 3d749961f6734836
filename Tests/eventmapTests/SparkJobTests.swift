import Foundation
import Testing
import TestSupport

/// scale/spark/analyze.py in Spark's local[2] mode (PySpark from the tests' venv, Java 17): the
/// binary per partition gives what the single-machine `analyze` gives, row for row, and a bad
/// row fails the job naming the row. One JVM for both jobs (starting one takes ~10-20 s).
@Suite struct SparkJobTests {
    /// The driver: one local[2] session; the binary, the world data and the gazetteer shipped with addFile
    /// (what spark-submit --files does) and the job's module with addPyFile.
    static let driver = """
        import sys, time
        repo, binary, places, good, out, bad, scratch = sys.argv[1:8]
        sys.path.insert(0, repo + "/scale/spark")
        import analyze
        from pyspark.sql import SparkSession
        spark = (SparkSession.builder.master("local[2]").appName("eventmap-test")
                 .config("spark.ui.enabled", "false").config("spark.local.dir", scratch)
                 .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").getOrCreate())
        sc = spark.sparkContext
        sc.setLogLevel("OFF")
        for f in [binary, places] + [repo + "/geodata/world/" + w for w in analyze.WORLD]: sc.addFile(f)
        sc.addPyFile(repo + "/scale/spark/analyze.py")
        t = time.time()
        n = analyze.run(spark, good, out, partitions=2, places_name=places.split("/")[-1])
        print(f"events {n} seconds {time.time() - t:.3f}")
        try:
            analyze.run(spark, bad, out + "-bad", partitions=2)
            print("bad: no error")
        except Exception as e:
            found = [l for l in str(e).splitlines() if l.startswith("analyze.BadEventRow")]
            print("bad: " + (found[0] if found else str(e)[:500]))
        spark.stop()
        """

    /// Seeded events (SplitMix64), uniform in lon 35.8-37.2, lat 35.2-36.6 (bench/make_events.py's box).
    static func events(_ n: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        func next() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        var text = "id,lat,lon\n"
        for i in 0..<n {
            let lat = 35.2 + 1.4 * next(), lon = 35.8 + 1.4 * next()
            text += "e\(i),\(String(format: "%.6f", lat)),\(String(format: "%.6f", lon))\n"
        }
        return text
    }

    @Test(.disabled(if: TestRun.isSanitizerPass, "Spark's work is not Swift's: it runs in the first CI pass only"))
    func sparkLocalModeMatchesSingleMachineAnalyzeRowForRow() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Paths.venvPython),
                     "no \(Paths.venvPython): `make test` creates the venv with PySpark (scripts/ensure-venv.sh)")
        try #require(ExternalTool.isInstalled("java"), "no java: `make test` installs openjdk-17-jre-headless (TEST_PACKAGES)")
        let dir = Paths.temporaryFolder("eventmap-spark")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.events(100_000, seed: 20_201_026).write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        try "id,lat,lon\na,36.1,36.5\nb,36.2,36.4\nc,36.1,east\nd,36.0,36.6\n".write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/scratch", withIntermediateDirectories: true)

        let single = try CLI.run(["analyze", dir + "/events.csv", "-o", dir + "/single.csv"])
        #expect(single.status == 0, "\(single.stderr)")
        let places = Paths.geodata("places.csv")
        let spark = try ExternalTool.run(Paths.venvPython, ["-c", Self.driver, Paths.repository, Paths.eventmapBinary, places,
                                                            dir + "/events.csv", dir + "/spark", dir + "/bad.csv", dir + "/scratch"])
        #expect(spark.status == 0, "\(spark.stderr.suffix(3000))")
        print("Spark local[2]: \(spark.stdout.split(separator: "\n").first ?? "")")

        let expected = try String(contentsOfFile: dir + "/single.csv", encoding: .utf8).split(separator: "\n").dropFirst().sorted()
        let parts = try FileManager.default.contentsOfDirectory(atPath: dir + "/spark").filter { $0.hasPrefix("part-") }.sorted()
        #expect(parts.count == 2)
        let rows = try parts.flatMap { try String(contentsOfFile: dir + "/spark/" + $0, encoding: .utf8).split(separator: "\n") }
        #expect(rows.count == 100_000)
        #expect(rows.sorted() == expected)
        #expect(spark.stdout.contains("events 100000 "))
        #expect(spark.stdout.contains("bad: analyze.BadEventRow: bad event row 'c,36.1,east' (partition 1, row 1 of the partition): field 'lon': 'east' is not a number"),
                "\(spark.stdout)")
    }
}
