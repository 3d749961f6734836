import GeoCore

/// The page's data as compact JSON: coordinates projected by PROJ into the map's frame and
/// rounded to whole metres, events in columns (one array per field), every text interned once
/// in a string table so repeated actors, types and outlets cost a number each.
struct HTMLMapData {
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    let transformer: Transformer

    init(transformer: Transformer) { self.transformer = transformer }

    mutating func intern(_ s: String) -> Int {
        if let i = stringIndex[s] { return i }
        strings.append(s)
        stringIndex[s] = strings.count - 1
        return strings.count - 1
    }

    static func json(_ s: String) -> String {
        var out = ""
        JSONWriter.escape(s, into: &out)
        // Inside <script>, "</" could end the element: JSON allows "<\/" for it.
        return out.contains("</") ? out.replacingOccurrences(of: "</", with: "<\\/") : out
    }

    static func ints(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ",") + "]" }

    static func number(_ d: Double) -> String { JSONWriter.format(d, decimals: 2) }

    /// A ring or line as [x0,y0,x1,y1,...] in whole metres, repeats dropped.
    func coords(_ ps: [LonLat]) throws -> String {
        let p = try transformer.project(ps)
        var out: [Int] = []
        var last: (Int, Int)?
        for q in p {
            let xy = (Int(q.x.rounded()), Int(q.y.rounded()))
            if let l = last, l == xy { continue }
            out += [xy.0, xy.1]
            last = xy
        }
        return Self.ints(out)
    }

    func style(_ s: MapStyle) -> String {
        var parts = ["\"fill\":\(s.fill.map(Self.json) ?? "null")", "\"fo\":\(Self.number(s.fillOpacity))",
                     "\"stroke\":\(s.stroke.map(Self.json) ?? "null")", "\"sw\":\(Self.number(s.strokeWidth))",
                     "\"marker\":\(Self.json(s.marker.rawValue))", "\"mr\":\(Self.number(s.markerRadius))",
                     "\"lc\":\(Self.json(s.labelColour))"]
        if let d = s.dash { parts.append("\"dash\":\(Self.json(d))") }
        return "{" + parts.joined(separator: ",") + "}"
    }

    mutating func layer(_ l: MapLayer) throws -> String {
        var fs: [String] = []
        for f in l.features {
            var kind = "", c = "", extra = ""
            switch (f.drawing, f.geometry) {
            case (.uncertaintyArea(let r), .point(let p)):
                kind = "circle"; c = try coords([p]); extra = ",\"r\":\(Int(r.rounded()))"
            case (_, .point(let p)):
                kind = "pt"; c = try coords([p])
                if case .sizedMarker(let r) = f.drawing { extra = ",\"px\":\(Self.number(r))" }
            case (_, let g) where !g.polygons.isEmpty:
                kind = "pg"; c = "[" + (try g.polygons.map { "[" + (try $0.map(coords).joined(separator: ",")) + "]" }.joined(separator: ",")) + "]"
            case (_, let g):
                kind = "ln"; c = "[" + (try g.lines.map(coords).joined(separator: ",")) + "]"
            }
            let data = f.data.map { "[\(intern($0.0)),\(intern($0.1))]" }.joined(separator: ",")
            let label = f.label.map { ",\"label\":\(intern($0))" } ?? ""
            let st = f.style.map { ",\"style\":" + style($0) } ?? ""
            fs.append("{\"id\":\(Self.json(f.id)),\"k\":\"\(kind)\",\"c\":\(c)\(extra)\(label)\(st),\"data\":[\(data)]}")
        }
        let legend = l.legend.map { e -> String in
            let sw: String = switch e.swatch {
            case .area: "area"
            case .line: "line"
            case .marker, .sizedMarker: "marker"
            }
            return "{\"sw\":\"\(sw)\",\"style\":\(style(e.style)),\"text\":\(Self.json(e.text))}"
        }.joined(separator: ",")
        return "{\"id\":\(Self.json(l.id)),\"title\":\(Self.json(l.title)),\"style\":\(style(l.style)),\"legend\":[\(legend)],\"features\":[\(fs.joined(separator: ","))]}"
    }

    /// The events in columns (`keys`); missing casualty figures are -1.
    static let keys = ["x", "y", "d0", "d1", "id", "date", "dp", "type", "sub", "a1", "a2", "loc", "adm", "prec", "r", "notes",
                       "kl", "kb", "kh", "wl", "wb", "wh", "kwl", "kwb", "kwh"]

    mutating func events(_ events: [Event]) throws -> String {
        let p = try transformer.project(events.map(\.position))
        var cols = [[Int]](repeating: [], count: Self.keys.count)
        for i in cols.indices { cols[i].reserveCapacity(events.count) }
        var claims: [String] = []
        claims.reserveCapacity(events.count)
        for (e, q) in zip(events, p) {
            let span = EventSpan.days(e.date)
            var row = [Int(q.x.rounded()), Int(q.y.rounded()), span.first.dayNumber, span.last.dayNumber,
                       intern(e.id), intern(EventLayers.dateText(e.date) + (e.date.derived ? " (derived)" : "")), e.date.precision.rawValue,
                       intern(e.eventType), intern(e.subEventType), intern(e.actor1), intern(e.actor2),
                       intern(e.location), intern(e.admin1), e.precision.code, Int(e.uncertaintyMetres.rounded()), intern(e.notes)]
            for range in [e.killed, e.wounded, e.killedAndWounded] {
                row += [range.map { Int($0.low.rounded()) } ?? -1, range.map { Int($0.best.rounded()) } ?? -1, range.map { Int($0.high.rounded()) } ?? -1]
            }
            for (i, v) in row.enumerated() { cols[i].append(v) }
            let superseded = CasualtyRules.supersededIds(in: e.claims)
            let cs = e.claims.map { c -> String in
                let who = c.via.isEmpty ? c.outlet : "\(c.outlet) (via \(c.via))"
                return "[\(intern(who)),\(intern(c.published?.description ?? "undated")),\(intern(e.summary(of: c))),\(intern(c.link)),\(intern(c.title)),\(superseded.contains(c.id) ? 1 : 0)]"
            }
            claims.append("[" + cs.joined(separator: ",") + "]")
        }
        let body = zip(Self.keys, cols).map { "\"\($0)\":\(Self.ints($1))" }.joined(separator: ",")
        return "{\"n\":\(events.count),\(body),\"claims\":[\(claims.joined(separator: ","))]}"
    }

    var stringTable: String { "[" + strings.map(Self.json).joined(separator: ",") + "]" }
}
