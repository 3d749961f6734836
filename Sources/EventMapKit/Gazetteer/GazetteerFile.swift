import Foundation

/// Opens gazetteer CSV files. A file under `indexThresholdBytes` is parsed whole; a larger one
/// (a GeoNames import) gets its name index cached beside it as `FILE.eventmap-index`, built on
/// first use and rebuilt whenever the CSV's size or modification time changes. A folder that
/// cannot be written only costs the cache, never the answer.
public enum GazetteerFile {
    public static let indexThresholdBytes: UInt64 = 1 << 20
    public static let indexSuffix = ".eventmap-index"

    /// The gazetteer layer of one CSV file, every row checked (once, when the index is built).
    /// `indexThreshold`: the size from which the index is cached beside the file.
    public static func open(_ path: String, indexThreshold: UInt64 = indexThresholdBytes) throws(GazetteerError) -> GazetteerLayer {
        let (stamp, csv) = try mapped(path)
        if stamp.size < indexThreshold {
            return GazetteerLayer(places: try GazetteerCSV.places(try text(csv, path), file: path), file: path)
        }
        let indexPath = path + indexSuffix
        if let m = MappedFile(path: indexPath), let index = NameIndex(buffer: m), index.sourceStamp == stamp,
           let header = try? header(csv, path) {
            return GazetteerLayer(file: path, index: index, csv: csv, header: header, loaded: nil)
        }
        return try build(path, csv: csv, stamp: stamp, indexPath: indexPath)
    }

    /// The places of one CSV file as `GazetteerLayer.pointPlaces` gives them (id, name, position,
    /// precision), for batch jobs that only measure: a small file is parsed without building its
    /// name index (a third of analyze's set-up); a large one reads its cached index.
    public static func pointPlaces(_ path: String, indexThreshold: UInt64 = indexThresholdBytes) throws(GazetteerError) -> [Place] {
        let (stamp, csv) = try mapped(path)
        if stamp.size < indexThreshold { return try GazetteerCSV.places(try text(csv, path), file: path) }
        return try open(path, indexThreshold: indexThreshold).pointPlaces
    }

    /// The file mapped, with its size and modification time.
    private static func mapped(_ path: String) throws(GazetteerError) -> (stamp: (size: UInt64, mtimeNanos: Int64), csv: MappedFile) {
        guard let stamp = MappedFile.stamp(path), let csv = MappedFile(path: path) else {
            throw .badFile(file: path, reason: "cannot read the gazetteer: no such file or it is not readable")
        }
        return (stamp, csv)
    }

    /// Parses and checks the whole CSV, writes its index beside it (when the folder allows) and
    /// returns the layer with every place already read.
    @discardableResult
    public static func build(_ path: String) throws(GazetteerError) -> GazetteerLayer {
        let (stamp, csv) = try mapped(path)
        return try build(path, csv: csv, stamp: stamp, indexPath: path + indexSuffix)
    }

    private static func build(_ path: String, csv: MappedFile, stamp: (size: UInt64, mtimeNanos: Int64), indexPath: String) throws(GazetteerError) -> GazetteerLayer {
        let (places, offsets, lines) = try GazetteerCSV.rows(try text(csv, path), file: path)
        let bom = hasBOM(csv) ? 3 : 0
        let bytes = NameIndex.build(places, rowOffsets: offsets.map { $0 + bom } + [csv.bytes.count], lines: lines, stamp: stamp)
        var problem: String?
        do { try AtomicWrite.write(Data(bytes), to: indexPath) } catch { problem = error.description }
        let layer = GazetteerLayer(file: path, index: NameIndex(buffer: MappedFile(copying: bytes))!, csv: csv,
                                   header: try header(csv, path), loaded: places)
        layer.cacheProblem = problem
        return layer
    }

    private static func hasBOM(_ csv: MappedFile) -> Bool { csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    private static func text(_ csv: MappedFile, _ path: String) throws(GazetteerError) -> String {
        guard let s = String(validating: csv.bytes, as: UTF8.self) else { throw .badFile(file: path, reason: "the file is not UTF-8 text") }
        return s
    }

    /// The checked header line.
    private static func header(_ csv: MappedFile, _ path: String) throws(GazetteerError) -> GazetteerCSV.Header {
        let start = hasBOM(csv) ? 3 : 0
        let end = csv.bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? csv.bytes.count
        let first: CSVReader.Row?
        do { first = try CSVReader.rows(bytes: csv.slice(start..<end), firstLine: 1, limit: 1).first } catch {
            throw .badFile(file: path, reason: error.description)
        }
        guard let row = first else { throw .badFile(file: path, reason: "the file is empty: a header line is expected") }
        return try GazetteerCSV.Header(row, file: path)
    }
}
