import Foundation

/// `eventmap analyze`: for every event of a CSV file, the geodesic distance to the nearest point
/// of a border (and that point), the nearest place and its distance, and whether the event lies
/// within a distance of the border. Streams: the file is read in blocks, a bounded number of
/// blocks is analysed at once on all cores, and the rows are written back in input order.
public struct BatchAnalysis: Sendable {
    public enum Format: Sendable { case csv, geojson }

    public struct Options: Sendable {
        /// The `within` flag: border distance ≤ this many metres.
        public var withinMetres: Double = 20_000
        /// Input columns copied to the output after the computed ones.
        public var keepColumns: [String] = []
        public var format: Format = .csv
        /// The column names of header-less input, in file order (`--columns`); nil: the first line is a header.
        public var inputColumns: [String]?
        /// Whether CSV output starts with its header line (`--no-header` turns it off, for pipes).
        public var writeHeader = true
        /// Bytes read per block, and blocks analysed at once.
        public var blockBytes = 1 << 17
        public var blocksInFlight = 4 * ProcessInfo.processInfo.activeProcessorCount

        public init() {}
    }

    public struct Summary: Sendable {
        public var events = 0
        public var within = 0
        /// How many events have each place (by index in `places`) as their nearest.
        public var nearestCounts: [Int] = []
        public var profile = BatchProfile()
    }

    /// Where the output goes: standard output (streamed) or a file (written whole or not at all).
    public enum Destination: Sendable {
        case standardOutput
        case file(String)
    }

    public static let columns = ["id", "border_distance_m", "border_lat", "border_lon", "nearest_id", "nearest_name",
                                 "nearest_distance_m", "within", "border_countries", "country"]

    /// The lines measured to, as one index, and for each of its parts the label written in
    /// `border_countries` (e.g. SYR-TUR; empty for lines of a user's file).
    public struct BorderLines: Sendable {
        public let index: GeodesicPolyline
        /// The same lines through cells that learn their candidate pieces (dense events).
        let cells: PolylineCells
        let labels: ByteStrings
        let labelOfPart: [Int32]

        /// Land borders, each labelled by its two countries.
        public init(_ set: LandBorderSet) {
            let (index, owner) = set.combinedIndex()
            self.index = index
            cells = PolylineCells(index)
            labels = ByteStrings(set.borders.map { Array($0.label.utf8) })
            labelOfPart = owner.map(Int32.init)
        }

        /// Lines of a user's file: no countries to name.
        public init(lines: [[LonLat]]) {
            index = GeodesicPolyline(lines)
            cells = PolylineCells(index)
            labels = ByteStrings([[]])
            labelOfPart = Array(repeating: 0, count: lines.count)
        }

        /// The index into `labels` of the border holding a hit.
        func label(_ hit: GeodesicPolyline.Hit) -> Int32 { labelOfPart[hit.partIndex] }

        /// Which border (in the set's order) a part of the index belongs to.
        public func borderIndex(ofPart part: Int) -> Int { Int(labelOfPart[part]) }
    }

    public let border: BorderLines
    public let places: [Place]
    /// Which country each event lies in; nil leaves `country` empty.
    let countries: CountryLocator?
    let placeIndex: NearestPlaceIndex
    /// Cells that learn their candidate places (dense events).
    let placeCells = CandidateCells()
    /// Each place's `nearest_id,nearest_name` fields, CSV-quoted.
    let placeFields: ByteStrings
    /// The `country` column's bytes, by index into the locator's entries.
    let countryCodeBytes: ByteStrings

    public init(border: BorderLines, countries: CountryLocator?, places: [Place]) {
        self.border = border
        self.countries = countries
        self.places = places
        placeIndex = NearestPlaceIndex(positions: places.map(\.position))
        placeFields = ByteStrings(places.map { Array((CSVWriter.field($0.id) + "," + CSVWriter.field($0.name)).utf8) })
        countryCodeBytes = ByteStrings(countries?.entries.map { Array($0.code.utf8) } ?? [])
    }

    /// Analyses `eventsPath` ("-": standard input) into `destination`. `progress(bytesRead, fileSize)`
    /// is called from the calling thread after each group of blocks. On a bad row nothing is
    /// written to a file. Header-less input (`options.inputColumns`) may be empty.
    public func run(eventsPath: String, to destination: Destination, options: Options = Options(),
                    progress: ((Int, Int) -> Void)? = nil) throws(BatchError) -> Summary {
        let start = BatchProfile.now()
        let reader = try EventRowBlockReader(path: eventsPath, blockBytes: options.blockBytes)
        let file = eventsPath == "-" ? "standard input" : eventsPath
        let layout: EventColumns
        let body: RowBlock
        if let names = options.inputColumns {
            layout = try EventColumns(names: names, file: file, keep: options.keepColumns, origin: "--columns")
            body = try reader.next() ?? RowBlock(bytes: [], firstLine: 1)
        } else {
            guard let firstBlock = try reader.next() else { throw .badFile(file: file, reason: "the file is empty: a header line is expected") }
            (layout, body) = try EventColumns.read(header: firstBlock, file: file, keep: options.keepColumns)
        }

        let sink = try OutputSink(destination)
        var summary = Summary()
        summary.nearestCounts = Array(repeating: 0, count: places.count)
        // Blocks go to the worker threads as they are read; finished blocks are written in input
        // order. At most `blocksInFlight` are read but not yet written, so memory stays flat.
        let done = BlockInbox()
        var submitted = 0, written = 0
        var firstFeature = true
        // Writes the finished blocks that are next in order; waits for the next one when `waiting`
        // (for all of them when `draining`), else stops at the first unfinished.
        func write(waiting: Bool, draining: Bool = false) throws(BatchError) {
            var wait = waiting
            while written < submitted, let r = done.take(written, waiting: wait) {
                wait = draining
                switch r {
                case .failure(let e): throw e
                case .success(let block):
                    let w0 = BatchProfile.now()
                    if options.format == .geojson, !block.bytes.isEmpty {
                        if !firstFeature { try sink.write(Array(",\n".utf8)) }
                        firstFeature = false
                    }
                    try sink.write(block.bytes)
                    summary.events += block.events
                    summary.within += block.within
                    for i in block.nearest where i >= 0 { summary.nearestCounts[Int(i)] += 1 }
                    summary.profile.add(block.profile)
                    summary.profile.writeSeconds += BatchProfile.now() - w0
                }
                written += 1
                progress?(reader.bytesRead, reader.fileSize)
            }
        }
        do throws(BatchError) {
            if options.writeHeader || options.format == .geojson {
                try sink.write(AnalysisRowFormatter.header(layout: layout, format: options.format))
            }
            var next: RowBlock? = body.bytes.isEmpty ? try reader.next() : body
            while let block = next {
                // Only the oldest block is waited for: the workers keep the others going meanwhile.
                while submitted - written >= options.blocksInFlight { try write(waiting: true) }
                let sequence = submitted
                DispatchQueue.global(qos: .userInitiated).async {
                    done.put(sequence, analyse(block, layout: layout, file: file, options: options))
                }
                submitted += 1
                try write(waiting: false)
                let t0 = BatchProfile.now()
                next = try reader.next()
                summary.profile.readSeconds += BatchProfile.now() - t0
            }
            try write(waiting: true, draining: true)
            try sink.write(AnalysisRowFormatter.footer(format: options.format))
            try sink.commit()
        } catch {
            done.waitForAll(submitted)
            sink.abandon()
            throw error
        }
        summary.profile.wallSeconds = BatchProfile.now() - start
        return summary
    }

    struct BlockResult: Sendable {
        var bytes: [UInt8]
        var events: Int
        var within: Int
        /// Each event's nearest place (an index into `places`; -1: none), counted by the writer.
        var nearest: [Int32]
        var profile: BatchProfile
    }

    /// One block: parse its rows, measure each event, format the output rows.
    func analyse(_ block: RowBlock, layout: EventColumns, file: String, options: Options) -> Result<BlockResult, BatchError> {
        var profile = BatchProfile()
        var t = BatchProfile.now()
        let parsed: ParsedEvents
        switch layout.parse(block, file: file) {
        case .failure(let e): return .failure(e)
        case .success(let p): parsed = p
        }
        var now = BatchProfile.now(); profile.parseSeconds = now - t; t = now

        let n = parsed.count
        var hits = [GeodesicPolyline.Hit?](repeating: nil, count: n)
        var counts = GeodesicPolyline.SearchCounts()
        let chords = parsed.positions.map(EarthCentred.init)
        let keys = parsed.positions.map(CellGrid.Key.init)
        for k in 0..<n { hits[k] = border.cells.nearestHit(to: parsed.positions[k], chord: chords[k], key: keys[k], counts: &counts) }
        let labelOf = hits.map { $0.map(border.label) ?? -1 }
        profile.borderRefinements = counts.refinements
        profile.borderInverses = counts.inverses
        profile.borderSecondSearches = counts.secondSearches
        profile.borderAnchored = counts.anchored
        now = BatchProfile.now(); profile.borderSeconds = now - t; t = now

        var nearest = [NearestPlaceIndex.Hit?](repeating: nil, count: n)
        for k in 0..<n {
            let p = parsed.positions[k]
            let among = placeCells.candidates(at: keys[k]) { placeIndex.candidates(inCell: $0, limit: 48) }
            nearest[k] = placeIndex.nearest(to: p, chord: chords[k], among: among, inverses: &profile.placeInverses)
        }
        now = BatchProfile.now(); profile.nearestSeconds = now - t; t = now

        let countryOf: [Int32] = countries.map { $0.countryIndices(of: parsed.positions, keys: keys).map { $0.map(Int32.init) ?? -1 } }
            ?? Array(repeating: -1, count: n)
        now = BatchProfile.now(); profile.countrySeconds = now - t; t = now

        var out: [UInt8] = []
        var within = 0
        switch options.format {
        case .csv:
            within = hits.reduce(0) { $0 + (($1?.distanceMetres ?? .infinity) <= options.withinMetres ? 1 : 0) }
            out = AnalysisRowFormatter.csvRows(parsed, hits, nearest, labelOf: labelOf, labels: border.labels, countryOf: countryOf,
                                               countryCodes: countryCodeBytes, placeFields: placeFields, withinMetres: options.withinMetres)
        case .geojson:
            for k in 0..<n {
                let isWithin = (hits[k]?.distanceMetres ?? .infinity) <= options.withinMetres
                if isWithin { within += 1 }
                if k > 0 { out.append(contentsOf: [0x2C, 0x0A]) }
                AnalysisRowFormatter.featureRow(parsed, k, layout: layout, hits[k],
                                                nearest[k].map { (places[$0.index], $0.distanceMetres) }, isWithin,
                                                borderLabel: labelOf[k] >= 0 ? border.labels.array(Int(labelOf[k])) : [],
                                                country: countryOf[k] >= 0 ? countryCodeBytes.array(Int(countryOf[k])) : [], into: &out)
            }
        }
        now = BatchProfile.now(); profile.formatSeconds = now - t
        return .success(BlockResult(bytes: out, events: n, within: within, nearest: nearest.map { $0.map { Int32($0.index) } ?? -1 }, profile: profile))
    }
}

/// Finished blocks by sequence number, handed from the worker threads to the writer.
final class BlockInbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result<BatchAnalysis.BlockResult, BatchError>] = [:]
    private var count = 0

    func put(_ sequence: Int, _ result: Result<BatchAnalysis.BlockResult, BatchError>) {
        condition.lock()
        results[sequence] = result
        count += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The result of block `sequence`, waiting for it when asked to; nil if not ready.
    func take(_ sequence: Int, waiting: Bool) -> Result<BatchAnalysis.BlockResult, BatchError>? {
        condition.lock()
        defer { condition.unlock() }
        while results[sequence] == nil {
            guard waiting else { return nil }
            condition.wait()
        }
        return results.removeValue(forKey: sequence)
    }

    /// Waits until `total` blocks have finished (so none is still running after a failure).
    func waitForAll(_ total: Int) {
        condition.lock()
        while count < total { condition.wait() }
        condition.unlock()
    }
}
