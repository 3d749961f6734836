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

    static func ints(_ v: [Int]) -> String {
        var out: [UInt8] = []
        appendInts(v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

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

    /// The events in columns (`keys`); missing casualty figures are -1; `dd` is the span in days
    /// (last minus first); a column whose values are all equal is written as that one number.
    /// `id` holds the ids themselves (each is used once); `cl` per event the indices of its reports
    /// in `ct`, a table of distinct reports [who, date, claim, link, title, superseded] (a number
    /// alone for one report): a dataset's reports repeat ("ACLED, killed: 0").
    static let keys = ["x", "y", "d0", "dd", "date", "dp", "type", "sub", "a1", "a2", "loc", "adm", "prec", "r", "notes",
                       "kl", "kb", "kh", "wl", "wb", "wh", "kwl", "kwb", "kwh"]

    /// A report as the page shows it, by string-table indices.
    private struct Report: Hashable { let who, date, claim, link, title: Int; let superseded: Bool }

    mutating func events(_ events: [Event]) throws -> String {
        let p = try transformer.project(events.map(\.position))
        var cols = [[Int]](repeating: [], count: Self.keys.count)
        for i in cols.indices { cols[i].reserveCapacity(events.count) }
        var reports: [Report] = []
        var reportIndex: [Report: Int] = [:]
        var dateTexts: [EventDate: Int] = [:]
        var ids: [UInt8] = [], cl: [UInt8] = []
        for (n, (e, q)) in zip(events, p).enumerated() {
            let span = EventSpan.days(e.date)
            let date: Int
            if let d = dateTexts[e.date] { date = d } else {
                date = intern(EventLayers.dateText(e.date) + (e.date.derived ? " (derived)" : ""))
                dateTexts[e.date] = date
            }
            var row = [Int(q.x.rounded()), Int(q.y.rounded()), span.first.dayNumber, span.last.dayNumber - span.first.dayNumber,
                       date, e.date.precision.rawValue,
                       intern(e.eventType), intern(e.subEventType), intern(e.actor1), intern(e.actor2),
                       intern(e.location), intern(e.admin1), e.precision.code, Int(e.uncertaintyMetres.rounded()), intern(e.notes)]
            for range in [e.killed, e.wounded, e.killedAndWounded] {
                row += [range.map { Int($0.low.rounded()) } ?? -1, range.map { Int($0.best.rounded()) } ?? -1, range.map { Int($0.high.rounded()) } ?? -1]
            }
            for (i, v) in row.enumerated() { cols[i].append(v) }
            if n > 0 { ids.append(UInt8(ascii: ",")); cl.append(UInt8(ascii: ",")) }
            Self.appendJSON(e.id, to: &ids)
            let superseded = CasualtyRules.supersededIds(in: e.claims)
            let indices = e.claims.map { c -> Int in
                let who = c.via.isEmpty ? c.outlet : "\(c.outlet) (via \(c.via))"
                let r = Report(who: intern(who), date: intern(c.published?.description ?? "undated"), claim: intern(e.summary(of: c)),
                               link: intern(c.link), title: intern(c.title), superseded: superseded.contains(c.id))
                if let i = reportIndex[r] { return i }
                reports.append(r)
                reportIndex[r] = reports.count - 1
                return reports.count - 1
            }
            if indices.count == 1 { JSONWriter.appendInteger(indices[0], to: &cl) } else { Self.appendInts(indices, to: &cl) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 64)
        out.append(contentsOf: "{\"n\":\(events.count),\"id\":[".utf8)
        out.append(contentsOf: ids)
        out.append(UInt8(ascii: "]"))
        for (key, values) in zip(Self.keys, cols) {
            out.append(contentsOf: ",\"\(key)\":".utf8)
            if let v = values.first, values.allSatisfy({ $0 == v }) { JSONWriter.appendInteger(v, to: &out) } else { Self.appendInts(values, to: &out) }
        }
        out.append(contentsOf: ",\"cl\":[".utf8)
        out.append(contentsOf: cl)
        out.append(contentsOf: "],\"ct\":[".utf8)
        for (i, r) in reports.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.appendInts([r.who, r.date, r.claim, r.link, r.title, r.superseded ? 1 : 0], to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendInts(_ v: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, x) in v.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.appendInteger(x, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string safe inside <script> (see `json`).
    static func appendJSON(_ s: String, to out: inout [UInt8]) {
        if s.utf8.contains(UInt8(ascii: "<")) { out.append(contentsOf: json(s).utf8) } else { JSONWriter.escape(s, into: &out) }
    }

    var stringTable: String { "[" + strings.map(Self.json).joined(separator: ",") + "]" }
}
