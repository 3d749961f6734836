import GeoCore

/// The Syria-Turkey border line and the country polygons (geodata/borders/), read from GeoJSON
/// text. Edges are geodesics; the line and the polygons share their vertices along the border.
public struct Borders: Sendable {
    public let border: BorderLine
    public let countries: [Country]

    public init(border: BorderLine, countries: [Country]) {
        self.border = border
        self.countries = countries
    }

    /// Reads `syria-turkey.geojson` (one LineString feature) and `countries.geojson` (one
    /// Polygon/MultiPolygon feature per country with `id` ISO 3166-1 alpha-2, `name`, `iso_a3`).
    public static func read(border borderText: String, borderFile: String,
                            countries countriesText: String, countriesFile: String) throws(AnalysisError) -> Borders {
        let line: [LonLat]
        let lineProps: JSONObject
        do {
            let fc = try GeoJSONReader.read(borderText)
            guard let f = fc.features.first, let g = f.geometry else {
                throw AnalysisError.badFile(file: borderFile, reason: "no feature with a geometry: the border must be one LineString feature")
            }
            guard case .lineString(let l) = g else {
                throw AnalysisError.badFile(file: borderFile, reason: "the border is a \(g.typeName), expected a LineString")
            }
            line = l
            lineProps = f.properties
        } catch let e as GeoJSONError {
            throw .badFile(file: borderFile, reason: e.description)
        } catch let e as AnalysisError { throw e } catch { throw .badFile(file: borderFile, reason: "\(error)") }

        var countries: [Country] = []
        let fc: FeatureCollection
        do { fc = try GeoJSONReader.read(countriesText) } catch { throw .badFile(file: countriesFile, reason: error.description) }
        for (i, f) in fc.features.enumerated() {
            guard let g = f.geometry, !g.polygons.isEmpty else {
                throw .badFile(file: countriesFile, reason: "features[\(i)] has no Polygon or MultiPolygon geometry")
            }
            guard let id = f.properties["id"]?.stringValue ?? f.id, let name = f.properties["name"]?.stringValue else {
                throw .badFile(file: countriesFile, reason: "features[\(i)] needs properties 'id' (ISO alpha-2) and 'name'")
            }
            countries.append(Country(id: id, name: name, iso3: f.properties["iso_a3"]?.stringValue ?? "", geometry: g))
        }
        let border = BorderLine(id: lineProps["id"]?.stringValue ?? "border",
                                name: lineProps["name"]?.stringValue ?? "border", line: line)
        return Borders(border: border, countries: countries)
    }

    /// The country a name or code stands for: name, ISO alpha-2 or alpha-3, or a common alias
    /// (case, accents and punctuation ignored).
    public func country(_ query: String) -> Country? {
        let key = PlaceName.key(query)
        guard !key.isEmpty else { return nil }
        return countries.first { c in c.names.contains { PlaceName.key($0) == key } }
    }
}

/// A border line, prepared for exact distance queries.
public struct BorderLine: Sendable {
    public let id: String
    public let name: String
    public let line: [LonLat]
    public let index: GeodesicPolyline

    public init(id: String, name: String, line: [LonLat]) {
        self.id = id
        self.name = name
        self.line = line
        index = GeodesicPolyline(line: line)
    }
}

/// A country polygon.
public struct Country: Sendable {
    /// ISO 3166-1 alpha-2, e.g. SY.
    public let id: String
    public let name: String
    /// ISO 3166-1 alpha-3, e.g. SYR.
    public let iso3: String
    public let geometry: Geometry

    public init(id: String, name: String, iso3: String, geometry: Geometry) {
        self.id = id
        self.name = name
        self.iso3 = iso3
        self.geometry = geometry
    }

    /// Everything a user may type for it.
    public var names: [String] {
        var n = [name, id, iso3].filter { !$0.isEmpty }
        n += Self.aliases[id] ?? []
        return n
    }

    static let aliases: [String: [String]] = [
        "SY": ["Syrian Arab Republic", "سوريا", "سورية"],
        "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Türkiye Cumhuriyeti"],
    ]

    /// The polygon prepared for containment and boundary distance (a few milliseconds: done on demand).
    public func prepared() -> GeodesicArea { GeodesicArea(geometry) }
}
