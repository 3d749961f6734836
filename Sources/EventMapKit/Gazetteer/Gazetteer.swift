import GeoCore

/// The geocoding table: places by id and by every spelling of their names.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let byId: [String: Int]
    private let byKey: [String: [Int]]

    public init(places: [Place]) {
        self.places = places
        var byId: [String: Int] = [:]
        var byKey: [String: [Int]] = [:]
        for (i, p) in places.enumerated() {
            byId[p.id] = i
            for name in [p.name, p.id] + p.alternateNames {
                let k = PlaceName.key(name)
                guard !k.isEmpty else { continue }
                if byKey[k]?.contains(i) != true { byKey[k, default: []].append(i) }
            }
        }
        self.byId = byId
        self.byKey = byKey
    }

    /// The place with this exact id.
    public func place(id: String) -> Place? { byId[id].map { places[$0] } }

    /// The places of one kind (or all when `kind` is nil), in table order.
    public func places(kind: String?) -> [Place] {
        guard let kind else { return places }
        return places.filter { $0.kind == kind }
    }

    /// Every place whose id, name or alternate name has the same key as `query`.
    public func matches(_ query: String) -> [Place] {
        if let p = place(id: query) { return [p] }
        return (byKey[PlaceName.key(query)] ?? []).map { places[$0] }
    }

    /// The one place a name or id stands for, or why there is none.
    public func lookup(_ query: String) throws(PlaceLookupError) -> Place {
        let found = matches(query)
        if found.count == 1 { return found[0] }
        if found.count > 1 { throw .ambiguous(query: query, candidates: found) }
        throw .unknown(query: query, suggestions: suggestions(for: query))
    }

    /// The closest names to an unknown query, best first (edit distance on the keys).
    public func suggestions(for query: String, limit: Int = 3) -> [Place] {
        let q = PlaceName.key(query)
        guard !q.isEmpty else { return [] }
        var best: [String: (Int, Int)] = [:]  // place id → (distance, index)
        for (key, indices) in byKey {
            let d = EditDistance.levenshtein(q, key)
            guard d <= max(2, q.count / 3) else { continue }
            for i in indices where best[places[i].id].map({ d < $0.0 }) ?? true {
                best[places[i].id] = (d, i)
            }
        }
        return best.values.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map { places[$0.1] }
    }
}

/// Levenshtein distance over Unicode scalars.
enum EditDistance {
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
