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
        /// Bytes read per block, and blocks analysed at once.
        public var blockBytes = 1 << 18
        public var blocksInFlight = 2 * ProcessInfo.processInfo.activeProcessorCount
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        public init() {}
    }

    public struct Summary: Sendable {
        public var events = 0
        public var within = 0
        public var profile = BatchProfile()
    }

    /// Where the output goes: standard output (streamed) or a file (written whole or not at all).
    public enum Destination: Sendable {
        case standardOutput
        case file(String)
    }

    public static let columns = ["id", "border_distance_m", "border_lat", "border_lon", "nearest_id", "nearest_name",
                                 "nearest_distance_m", "within"]

    public let border: BorderDistanceIndex
    public let places: [Place]
    let placeIndex: NearestPlaceIndex
    let placeIds: [[UInt8]]
    let placeNames: [[UInt8]]

    public init(borderLines: [[LonLat]], places: [Place]) {
        border = BorderDistanceIndex(lines: borderLines)
        self.places = places
        placeIndex = NearestPlaceIndex(positions: places.map(\.position))
        placeIds = places.map { Array(CSVReader.escape($0.id).utf8) }
        placeNames = places.map { Array(CSVReader.escape($0.name).utf8) }
    }

    /// Analyses `eventsPath` into `destination`. `progress(bytesRead, fileSize)` is called from
    /// the calling thread after each group of blocks. On a bad row nothing is written to a file.
    public func run(eventsPath: String, to destination: Destination, options: Options = Options(),
                    progress: ((Int, Int) -> Void)? = nil) throws(BatchError) -> Summary {
        let start = BatchProfile.now()
        let reader = try EventRowBlockReader(path: eventsPath, blockBytes: options.blockBytes)
        guard let firstBlock = try reader.next() else { throw .badFile(file: eventsPath, reason: "the file is empty: a header line is expected") }
        let (layout, body) = try EventColumns.read(header: firstBlock, file: eventsPath, keep: options.keepColumns)

        let sink = try OutputSink(destination)
        var summary = Summary()
        do throws(BatchError) {
            try sink.write(AnalysisRowFormatter.header(layout: layout, format: options.format))
            var pending: [RowBlock] = body.bytes.isEmpty ? [] : [body]
            var finished = false
            var firstFeature = true
            while !finished || !pending.isEmpty {
                let t0 = BatchProfile.now()
                while !finished && pending.count < options.blocksInFlight {
                    if let b = try reader.next() { pending.append(b) } else { finished = true }
                }
                summary.profile.readSeconds += BatchProfile.now() - t0
                guard !pending.isEmpty else { break }
                let results = analyse(pending, layout: layout, file: eventsPath, options: options)
                pending.removeAll(keepingCapacity: true)
                for r in results {
                    switch r {
                    case .failure(let e): throw e
                    case .success(let done):
                        let w0 = BatchProfile.now()
                        if options.format == .geojson, !done.bytes.isEmpty {
                            if !firstFeature { try sink.write(Array(",\n".utf8)) }
                            firstFeature = false
                        }
                        try sink.write(done.bytes)
                        summary.events += done.events
                        summary.within += done.within
                        summary.profile.add(done.profile)
                        summary.profile.writeSeconds += BatchProfile.now() - w0
                    }
                }
                progress?(reader.bytesRead, reader.fileSize)
            }
            try sink.write(AnalysisRowFormatter.footer(format: options.format))
            try sink.commit()
        } catch {
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
        var profile: BatchProfile
    }

    /// Analyses blocks concurrently; results come back in block order.
    private func analyse(_ blocks: [RowBlock], layout: EventColumns, file: String, options: Options) -> [Result<BlockResult, BatchError>] {
        let slots = ResultSlots<Result<BlockResult, BatchError>>(count: blocks.count)
        DispatchQueue.concurrentPerform(iterations: blocks.count) { i in
            slots.set(i, analyse(blocks[i], layout: layout, file: file, options: options))
        }
        return slots.values
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
        var hits = [BorderDistanceIndex.Hit](repeating: BorderDistanceIndex.Hit(distanceMetres: .nan, nearest: LonLat(lon: .nan, lat: .nan)), count: n)
        var counts = BorderDistanceIndex.Counts()
        let chords = parsed.positions.map(Chord3.init)
        for k in 0..<n {
            if let h = border.nearest(to: parsed.positions[k], chord: chords[k], counts: &counts) { hits[k] = h }
        }
        profile.borderRefinements = counts.refinements
        profile.borderInverses = counts.inverses
        now = BatchProfile.now(); profile.borderSeconds = now - t; t = now

        var nearest = [NearestPlaceIndex.Hit?](repeating: nil, count: n)
        for k in 0..<n { nearest[k] = placeIndex.nearest(to: parsed.positions[k], chord: chords[k], inverses: &profile.placeInverses) }
        now = BatchProfile.now(); profile.nearestSeconds = now - t; t = now

        var out: [UInt8] = []
        out.reserveCapacity(n * 120)
        var within = 0
        for k in 0..<n {
            let isWithin = hits[k].distanceMetres <= options.withinMetres
            if isWithin { within += 1 }
            let place = nearest[k].map { (id: placeIds[$0.index], name: placeNames[$0.index], index: $0.index, metres: $0.distanceMetres) }
            switch options.format {
            case .csv:
                AnalysisRowFormatter.csvRow(parsed, k, hits[k], place, isWithin, into: &out)
            case .geojson:
                if k > 0 { out.append(contentsOf: [0x2C, 0x0A]) }
                AnalysisRowFormatter.featureRow(parsed, k, layout: layout, hits[k],
                                                place.map { (places[$0.index], $0.metres) }, isWithin, into: &out)
            }
        }
        now = BatchProfile.now(); profile.formatSeconds = now - t
        return .success(BlockResult(bytes: out, events: n, within: within, profile: profile))
    }
}

/// One slot per concurrent job, each written by exactly one job and read after all finish.
final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit { storage.deinitialize(count: count); storage.deallocate() }
    func set(_ i: Int, _ v: T) { storage[i] = v }
    var values: [T] { (0..<count).map { storage[$0]! } }
}
