import Foundation
import GeoCore

/// The world's countries and land borders (geodata/world/, from Natural Earth 10m admin-0),
/// read from their index texts and vertex files. Only the countries and borders asked for are
/// decoded, so a query about one country does not pay for the world.
public struct World: Sendable {
    /// What the index says of a country, before its rings are decoded.
    public struct CountryEntry: Sendable {
        public let code: String, iso2: String, iso3: String, name: String
        /// ISO 3166-1 numeric (e.g. 760), empty where none is assigned: ACLED's `iso` column.
        public let isoNumeric: String
        public let names: [String]
        public let bbox: BoundingBox
        let offset: Int
        /// Ring lengths, per polygon.
        let rings: [[Int]]
    }

    /// What the index says of a land border, before its lines are decoded.
    public struct BorderEntry: Sendable {
        public let codes: (String, String)
        public let names: (String, String)
        public let bbox: BoundingBox
        let offset: Int
        let lines: [Int]
        public var label: String { codes.0 + "-" + codes.1 }
    }

    public let countryEntries: [CountryEntry]
    public let borderEntries: [BorderEntry]
    /// The data's source line, e.g. "Natural Earth 10m admin-0 countries ..., version 5.1.1".
    public let source: String
    let countryVertices: WorldVertices
    let borderVertices: WorldVertices

    /// Reads the four files' contents; `files` names them for errors (countries.json,
    /// countries.bin, borders.json, borders.bin).
    public init(countriesIndex: String, countryVertices: Data, bordersIndex: String, borderVertices: Data,
                files: (String, String, String, String)) throws(AnalysisError) {
        self.countryVertices = try WorldVertices(countryVertices, file: files.1)
        self.borderVertices = try WorldVertices(borderVertices, file: files.3)
        let (cmeta, countries) = try Self.index(countriesIndex, key: "countries", file: files.0)
        let (_, borders) = try Self.index(bordersIndex, key: "borders", file: files.2)
        source = cmeta["source"]?.stringValue ?? "Natural Earth"
        var entries: [CountryEntry] = []
        for (i, v) in countries.enumerated() {
            entries.append(try Self.countryEntry(v, i, file: files.0, vertexCount: self.countryVertices.count))
        }
        countryEntries = entries
        var bentries: [BorderEntry] = []
        let codes = Set(entries.map(\.code))
        for (i, v) in borders.enumerated() {
            let e = try Self.borderEntry(v, i, file: files.2, vertexCount: self.borderVertices.count)
            guard codes.contains(e.codes.0), codes.contains(e.codes.1) else {
                throw .badFile(file: files.2, reason: "borders[\(i)] names a country that countries.json lacks (\(e.label))")
            }
            bentries.append(e)
        }
        borderEntries = bentries
    }

    // MARK: - Countries

    /// The country a name or code stands for (ADM0_A3, ISO alpha-2 or alpha-3, a name in one of
    /// several languages, or an alias), folded like place names; nil if none.
    public func countryEntry(_ query: String) -> CountryEntry? {
        let code = query.trimmingSpaces.uppercased()
        if code.count == 2 || code.count == 3, let e = countryEntries.first(where: { $0.code == code || $0.iso3 == code || $0.iso2 == code }) {
            return e
        }
        // A name as written (any case) needs no folding; folding every name of the world costs milliseconds.
        let typed = query.trimmingSpaces.lowercased()
        if let e = countryEntries.first(where: { e in e.names.contains { $0.lowercased() == typed } }) { return e }
        let k = PlaceName.key(query)
        guard !k.isEmpty else { return nil }
        return countryEntries.first { e in e.names.contains { PlaceName.key($0) == k } }
    }

    /// The country a name or code stands for, with its polygons decoded.
    public func country(_ query: String) -> Country? { countryEntry(query).map(country(of:)) }

    /// Decodes a country's polygons.
    public func country(of e: CountryEntry) -> Country {
        var offset = e.offset
        let polygons: [[[LonLat]]] = e.rings.map { lengths in
            defer { offset += lengths.reduce(0, +) }
            return countryVertices.runs(from: offset, lengths: lengths)
        }
        let g: Geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
        return Country(code: e.code, iso2: e.iso2, iso3: e.iso3, name: e.name, names: e.names, geometry: g)
    }

    /// The countries with a polygon whose box meets `box`, keeping only those polygons (for
    /// maps: a selection, never a measurement; far-off parts, such as the islands of a unit that
    /// spans the antimeridian, would only burden the projection).
    public func countries(meeting box: BoundingBox) -> [Country] {
        countryEntries.filter { $0.bbox.intersects(box) }.compactMap { e in
            let c = country(of: e)
            let near = c.geometry.polygons.filter { BoundingBox($0[0])?.intersects(box) ?? false }
            guard !near.isEmpty else { return nil }
            let g: Geometry = near.count == 1 ? .polygon(near[0]) : .multiPolygon(near)
            return Country(code: c.code, iso2: c.iso2, iso3: c.iso3, name: c.name, names: c.names, geometry: g)
        }
    }

    /// English names by ISO alpha-2 code (the gazetteer's `country` column) and ISO numeric codes
    /// by English name (ACLED's `iso`), for the event formats.
    public var countryNamesByISO2: [String: String] {
        Dictionary(countryEntries.filter { !$0.iso2.isEmpty }.map { ($0.iso2, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public var isoNumericByName: [String: String] {
        Dictionary(countryEntries.filter { !$0.isoNumeric.isEmpty }.map { ($0.name, $0.isoNumeric) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Borders

    /// The land border between two countries (names or codes, either order); nil if they share none.
    public func border(between a: String, and b: String) -> LandBorder? {
        guard let ca = countryEntry(a)?.code, let cb = countryEntry(b)?.code else { return nil }
        let key = ca < cb ? (ca, cb) : (cb, ca)
        return borderEntries.first { $0.codes == key }.map(border(of:))
    }

    /// Every land border of a country (empty for islands).
    public func borders(of country: String) -> [LandBorder] {
        guard let c = countryEntry(country)?.code else { return [] }
        return borderEntries.filter { $0.codes.0 == c || $0.codes.1 == c }.map(border(of:))
    }

    /// Every land border of the world.
    public var allBorders: [LandBorder] { borderEntries.map(border(of:)) }

    public func border(of e: BorderEntry) -> LandBorder {
        LandBorder(codes: e.codes, names: e.names, lines: borderVertices.runs(from: e.offset, lengths: e.lines))
    }

    // MARK: - Reading the index

    private static func index(_ text: String, key: String, file: String) throws(AnalysisError) -> (JSONObject, [JSONValue]) {
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch { throw .badFile(file: file, reason: error.description) }
        guard let o = root.objectValue, let list = o[key]?.arrayValue else {
            throw .badFile(file: file, reason: "expected an object with an array '\(key)'")
        }
        return (o, list)
    }

    private static func box(_ v: JSONValue?) -> BoundingBox? {
        guard let a = v?.arrayValue?.compactMap(\.doubleValue), a.count == 4 else { return nil }
        return BoundingBox(west: a[0], south: a[1], east: a[2], north: a[3])
    }

    private static func countryEntry(_ v: JSONValue, _ i: Int, file: String, vertexCount: Int) throws(AnalysisError) -> CountryEntry {
        guard let o = v.objectValue, let code = o["code"]?.stringValue, let name = o["name"]?.stringValue,
              let bbox = box(o["bbox"]), let offset = o["offset"]?.intValue,
              let rings = o["rings"]?.arrayValue?.map({ $0.arrayValue?.compactMap(\.intValue) ?? [] })
        else { throw .badFile(file: file, reason: "countries[\(i)] needs code, name, bbox, offset and rings") }
        let total = rings.joined().reduce(0, +)
        guard offset >= 0, offset <= vertexCount - total, rings.joined().allSatisfy({ $0 >= 4 }) else {
            throw .badFile(file: file, reason: "countries[\(i)] (\(code)): its rings do not fit the vertex file")
        }
        return CountryEntry(code: code, iso2: o["iso2"]?.stringValue ?? "", iso3: o["iso3"]?.stringValue ?? "", name: name,
                            isoNumeric: o["iso_n3"]?.stringValue ?? "",
                            names: o["names"]?.arrayValue?.compactMap(\.stringValue) ?? [], bbox: bbox, offset: offset, rings: rings)
    }

    private static func borderEntry(_ v: JSONValue, _ i: Int, file: String, vertexCount: Int) throws(AnalysisError) -> BorderEntry {
        guard let o = v.objectValue, let codes = o["countries"]?.arrayValue?.compactMap(\.stringValue), codes.count == 2,
              let names = o["names"]?.arrayValue?.compactMap(\.stringValue), names.count == 2,
              let bbox = box(o["bbox"]), let offset = o["offset"]?.intValue,
              let lines = o["lines"]?.arrayValue?.compactMap(\.intValue)
        else { throw .badFile(file: file, reason: "borders[\(i)] needs countries, names, bbox, offset and lines") }
        let total = lines.reduce(0, +)
        guard offset >= 0, offset <= vertexCount - total, lines.allSatisfy({ $0 >= 2 }), codes[0] < codes[1] else {
            throw .badFile(file: file, reason: "borders[\(i)] (\(codes.joined(separator: "-"))): its lines do not fit the vertex file, or its codes are not sorted")
        }
        return BorderEntry(codes: (codes[0], codes[1]), names: (names[0], names[1]), bbox: bbox, offset: offset, lines: lines)
    }
}

extension BoundingBox {
    /// Whether two boxes share a point (longitudes taken as given, no antimeridian wrap).
    public func intersects(_ o: BoundingBox) -> Bool {
        west <= o.east && o.west <= east && south <= o.north && o.south <= north
    }
}
