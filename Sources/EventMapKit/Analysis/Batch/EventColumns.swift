import Foundation

/// The columns of an events file that `analyze` reads: an id, a latitude and a longitude
/// (`id,lat,lon`; ACLED's `event_id_cnty,latitude,longitude`; UCDP GED's `id,latitude,longitude`)
/// and any columns to keep.
struct EventColumns: Sendable {
    var fieldCount: Int
    /// The header's column names, trimmed and lowercased, to name a field in an error.
    var names: [String]
    var id: Int, lat: Int, lon: Int
    var idName: String, latName: String, lonName: String
    var keep: [Int]
    var keepNames: [String]

    static let idNames = ["id", "event_id_cnty", "event_id"]
    static let latNames = ["lat", "latitude"]
    static let lonNames = ["lon", "longitude", "lng", "long"]

    /// Reads the header (the first row of the first block) and returns the columns and the rest
    /// of the block.
    static func read(header block: RowBlock, file: String, keep: [String]) throws(BatchError) -> (EventColumns, RowBlock) {
        var names: [String] = []
        var headerEnd = 0, nextLine = block.firstLine
        let syntax: CSVSyntaxError? = block.bytes.withUnsafeBytes { b in
            var t = CSVTokenizer(b, firstLine: block.firstLine)
            do throws(CSVSyntaxError) {
                guard try t.next() != nil else { return nil }
            } catch { return error }
            names = t.fields.map { CSVTokenizer.string($0, in: b) }
            headerEnd = t.rowEnd
            nextLine = t.line
            return nil
        }
        if let syntax {
            throw .badRow(file: file, line: syntax.line, field: "-", reason: "\(syntax.reason) (field \(syntax.field) of the header)")
        }
        if let problem = CSVTokenizer.loneCarriageReturnProblem(header: names) { throw .badFile(file: file, reason: problem) }
        names = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { throw .badFile(file: file, reason: "the first line should be a header with id, lat and lon columns") }
        // The header's line feeds are those the tokenizer moved past.
        let rest = RowBlock(bytes: Array(block.bytes[headerEnd...]), firstLine: nextLine,
                            lineFeeds: block.lineFeeds - (nextLine - block.firstLine))
        return (try EventColumns(names: names, file: file, keep: keep, origin: "the header (line 1)"), rest)
    }

    /// The events of one block, or the first bad row.
    func parse(_ block: RowBlock, file: String) -> Result<ParsedEvents, BatchError> {
        if let plain = block.bytes.withUnsafeBytes({ parsePlain($0, firstLine: block.firstLine, lineFeeds: block.lineFeeds) }) { return .success(plain) }
        return parseFields(block, file: file)
    }

    /// The same through `CSVTokenizer`: any CSV, and the error of the first bad row.
    func parseFields(_ block: RowBlock, file: String) -> Result<ParsedEvents, BatchError> {
        var out = ParsedEvents()
        out.positions.reserveCapacity(block.bytes.count / 24)
        var failure: BatchError?
        block.bytes.withUnsafeBytes { b in
            var t = CSVTokenizer(b, firstLine: block.firstLine)
            func bad(_ line: Int, _ field: String, _ reason: String) {
                failure = .badRow(file: file, line: line, field: field, reason: reason)
            }
            while true {
                let next: Int?
                do throws(CSVSyntaxError) { next = try t.next() } catch {
                    bad(error.line, error.field <= names.count ? names[error.field - 1] : "-", error.reason)
                    return
                }
                guard let line = next else { return }
                guard t.fields.count == fieldCount else {
                    return bad(line, "-", "the row has \(t.fields.count) fields but the header has \(fieldCount)")
                }
                let latField = t.fields[lat], lonField = t.fields[lon]
                let latBytes = Self.trimmed(b, latField), lonBytes = Self.trimmed(b, lonField)
                guard !latBytes.isEmpty else { return bad(line, latName, "the latitude is empty") }
                guard let latValue = DecimalBytes.parse(latBytes) else {
                    return bad(line, latName, "'\(CSVTokenizer.string(latField, in: b))' is not a number")
                }
                guard (-90.0...90.0).contains(latValue) else {
                    return bad(line, latName, "latitude \(CSVTokenizer.string(latField, in: b)) is outside -90..90")
                }
                guard !lonBytes.isEmpty else { return bad(line, lonName, "the longitude is empty") }
                guard let lonValue = DecimalBytes.parse(lonBytes) else {
                    return bad(line, lonName, "'\(CSVTokenizer.string(lonField, in: b))' is not a number")
                }
                guard (-180.0...180.0).contains(lonValue) else {
                    return bad(line, lonName, "longitude \(CSVTokenizer.string(lonField, in: b)) is outside -180..180")
                }
                let idField = t.fields[id]
                guard idField.end > idField.start else { return bad(line, idName, "the id is empty") }
                CSVTokenizer.bytes(idField, in: b, into: &out.text)
                out.textEnds.append(out.text.count)
                for k in keep {
                    CSVTokenizer.bytes(t.fields[k], in: b, into: &out.text)
                    out.textEnds.append(out.text.count)
                }
                out.positions.append(LonLat(lon: lonValue, lat: latValue))
                out.lines.append(line)
            }
        }
        if let failure { return .failure(failure) }
        out.textsPerRow = 1 + keep.count
        return .success(out)
    }
}

extension EventColumns {
    /// The columns from their names in file order: a header's, or `--columns` for header-less
    /// input (then `origin` says so in errors).
    init(names given: [String], file: String, keep: [String], origin: String) throws(BatchError) {
        let names = given.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ options: [String], _ what: String) throws(BatchError) -> (Int, String) {
            for o in options { if let i = names.firstIndex(of: o) { return (i, o) } }
            throw .badFile(file: file, reason: "no \(what) column in \(origin): expected one of \(options.joined(separator: ", "))")
        }
        let (id, idName) = try find(Self.idNames, "id")
        let (lat, latName) = try find(Self.latNames, "latitude")
        let (lon, lonName) = try find(Self.lonNames, "longitude")
        var keepIdx: [Int] = []
        for k in keep {
            guard let i = names.firstIndex(of: k.lowercased()) else {
                throw .badFile(file: file, reason: "--keep \(k): no such column in \(origin)")
            }
            keepIdx.append(i)
        }
        self.init(fieldCount: names.count, names: names, id: id, lat: lat, lon: lon, idName: idName, latName: latName,
                  lonName: lonName, keep: keepIdx, keepNames: keep)
    }

    /// A field's bytes without surrounding spaces or tabs.
    @inline(__always)
    static func trimmed(_ b: UnsafeRawBufferPointer, _ f: CSVTokenizer.Field) -> UnsafeRawBufferPointer {
        var start = f.start, end = f.end
        while start < end && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
        while end > start && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: b[start..<end])
    }
}

/// The parsed rows of one block, column by column: positions, lines, and the text fields
/// (id, then the kept columns) as one byte array with end offsets.
struct ParsedEvents: Equatable {
    var positions: [LonLat] = []
    var lines: [Int] = []
    var text: [UInt8] = []
    var textEnds: [Int] = []
    var textsPerRow = 1

    var count: Int { positions.count }

    /// Field `j` of row `k` (0 = id, then the kept columns).
    func text(_ k: Int, _ j: Int) -> ArraySlice<UInt8> {
        let i = k * textsPerRow + j
        return text[(i == 0 ? 0 : textEnds[i - 1])..<textEnds[i]]
    }
}
