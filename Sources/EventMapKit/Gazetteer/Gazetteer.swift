import Foundation
import GeoCore

/// The geocoding table: places by id and by every spelling of their names.
///
/// A query resolves only through the stored names and the deterministic rules of `PlaceName.key`:
/// an exact id first, then a stored spelling typed exactly (up to case, diacritics and
/// punctuation), then the transliteration rules. Edit distance only ever makes "did you mean"
/// suggestions; it never picks a place.
public struct Gazetteer: Sendable {
    /// The gazetteers, first first: the first that knows a name answers for it.
    public let layers: [GazetteerLayer]

    public init(places: [Place]) { layers = [GazetteerLayer(places: places)] }

    /// Several gazetteers at once, e.g. the curated geodata/places.csv over a GeoNames import.
    public init(layers: [GazetteerLayer]) { self.layers = layers }

    /// Every place of every layer, in layer then table order.
    public var places: [Place] { layers.count == 1 ? layers[0].places : layers.flatMap(\.places) }

    /// The place with this exact id (the first layer that has it).
    public func place(id: String) -> Place? {
        for l in layers { if let i = l.index.place(id: id) { return l.place(i) } }
        return nil
    }

    /// The places of one kind (or all when `kind` is nil), in table order.
    public func places(kind: String?) -> [Place] {
        guard let kind else { return places }
        return places.filter { $0.kind == kind }
    }

    /// The kinds present in the table, sorted.
    public var kinds: [String] { Array(Set(places.map(\.kind))).sorted() }

    /// Every place whose id, name or alternate name has the same key as `query`, best match first.
    public func matches(_ query: String) -> [Place] { candidates(for: query).map(\.place) }

    /// True when some name or id of some layer has the key of `query` (a cheap test, no rows read).
    public func knows(_ query: String) -> Bool {
        let k = PlaceName.key(query)
        return !k.isEmpty && layers.contains { $0.index.contains(key: k) }
    }

    /// Every place `query` may stand for in the first layer that knows it, best first: by how the
    /// query met the place (`PlaceMatch.Quality`), then settlements before other kinds, then by
    /// population, then in table order.
    public func candidates(for query: String) -> [PlaceMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        for l in layers { if let i = l.index.place(id: trimmed) { return [PlaceMatch(place: l.place(i), matchedName: trimmed, quality: .id)] } }
        let key = PlaceName.key(trimmed)
        guard !key.isEmpty else { return [] }
        let folded = PlaceName.fold(trimmed)
        let lower = trimmed.lowercased()
        for l in layers {
            let postings = l.index.postings(key: key)
            guard !postings.isEmpty else { continue }
            var best: [Int: PlaceMatch] = [:]
            for (i, n) in postings where best[i] == nil {
                let place = l.place(i)
                let names = [place.name] + place.alternateNames + [place.id]
                guard n < names.count else { continue }
                let name = names[n]
                var match = PlaceMatch(place: place, matchedName: name, quality: n == 0 ? .ruleName : .ruleAlternate)
                if PlaceName.fold(name) == folded && (n == 0 || name.lowercased() == lower) {
                    match = PlaceMatch(place: place, matchedName: name, quality: n == 0 ? .exactName : .exactAlternate)
                } else {
                    // The index keeps one posting per key and place (its first name): look for a stored
                    // spelling typed exactly, preferring the main name, then one typed letter for letter.
                    let exact = names.indices.filter { PlaceName.fold(names[$0]) == folded }
                    if let e = exact.first(where: { $0 == 0 }) ?? exact.first(where: { names[$0].lowercased() == lower }) ?? exact.first {
                        match = PlaceMatch(place: place, matchedName: names[e], quality: e == 0 ? .exactName : .exactAlternate)
                    }
                }
                best[i] = match
            }
            return best.sorted { Self.ranks($0.value, $0.key, before: $1.value, $1.key) }.map(\.value)
        }
        return []
    }

    /// The ranking of candidates: match quality, then settlements, then population, then table order.
    static func ranks(_ a: PlaceMatch, _ ai: Int, before b: PlaceMatch, _ bi: Int) -> Bool {
        if a.quality != b.quality { return a.quality < b.quality }
        if a.place.isPopulatedPlace != b.place.isPopulatedPlace { return a.place.isPopulatedPlace }
        if (a.place.population ?? 0) != (b.place.population ?? 0) { return (a.place.population ?? 0) > (b.place.population ?? 0) }
        return ai < bi
    }

    /// The one place a name or id stands for, or why there is none. A stored spelling typed
    /// exactly wins over places met only through the transliteration rules; two or more places
    /// met equally well are ambiguous, and the user must pick one by id.
    public func lookup(_ query: String) throws(PlaceLookupError) -> Place {
        try lookupMatch(query).place
    }

    /// `lookup`, with the spelling that matched and how.
    public func lookupMatch(_ query: String) throws(PlaceLookupError) -> PlaceMatch {
        try lookupMatch(query, context: LookupContext())
    }

    /// `lookup` narrowed by `context`: only candidates in its countries (when any are), the one
    /// nearest to its point, or the best ranked with `first`.
    public func lookupMatch(_ query: String, context: LookupContext) throws(PlaceLookupError) -> PlaceMatch {
        var found = candidates(for: query)
        if !context.countries.isEmpty {
            let wanted = Set(context.countries.map { $0.uppercased() })
            found = found.filter { wanted.contains($0.place.country.uppercased()) }
            if found.isEmpty, !candidates(for: query).isEmpty {
                throw .unknown(query: query + " in " + context.countries.joined(separator: ", "), suggestions: [])
            }
        }
        if let near = context.near, found.count > 1 {
            return found.min { Geodesic.distance(near, $0.place.position) < Geodesic.distance(near, $1.place.position) }!
        }
        if context.first, let best = found.first { return best }
        if found.count == 1 { return found[0] }
        let exact = found.filter { $0.quality <= .exactAlternate }
        if exact.count == 1 { return exact[0] }
        if found.count > 1 { throw .ambiguous(query: query, candidates: found.map(\.place)) }
        throw .unknown(query: query, suggestions: suggestions(for: query))
    }

    /// The closest names to an unknown query, most similar first: edit distance between the keys,
    /// or (one step worse) between the query and a run of whole words of a longer name, so that
    /// "Kafr Takharm" and "Takharim" both suggest Kafr Takharim. Never used to resolve a name.
    /// In a gazetteer of more than `NameIndex.fullSuggestionScanLimit` keys only the places' main
    /// names are compared.
    public func suggestions(for query: String, limit: Int = 3) -> [Place] {
        let q = PlaceName.key(query)
        guard !q.isEmpty else { return [] }
        let qLength = q.unicodeScalars.count
        // Short keys tolerate one edit, middling ones two, long ones one in four letters.
        let threshold = qLength <= 4 ? 1 : max(2, qLength / 4)
        var scored: [(score: Int, gap: Int, layer: Int, place: Int)] = []
        for (li, l) in layers.enumerated() {
            for (place, s) in l.index.nearPlaces(q, threshold: threshold) { scored.append((s.score, s.lengthGap, li, place)) }
        }
        return scored.sorted { ($0.score, $0.gap, $0.layer, $0.place) < ($1.score, $1.gap, $1.layer, $1.place) }
            .prefix(limit).map { layers[$0.layer].place($0.place) }
    }
}

/// What narrows an ambiguous name: countries (ISO alpha-2), a point to be near, or "take the best".
public struct LookupContext: Sendable, Equatable {
    public var countries: [String]
    public var near: LonLat?
    public var first: Bool

    public init(countries: [String] = [], near: LonLat? = nil, first: Bool = false) {
        self.countries = countries
        self.near = near
        self.first = first
    }
}

/// A place a query met, with the stored spelling it met and how well.
public struct PlaceMatch: Sendable, Equatable {
    /// How a query met a place, best first.
    public enum Quality: Int, Sendable, Comparable {
        /// The query is the place's id.
        case id
        /// The query is the place's name, up to case, diacritics and punctuation.
        case exactName
        /// The query is one of its stored alternate names, up to case, diacritics and punctuation.
        case exactAlternate
        /// The query meets the name through the transliteration rules.
        case ruleName
        /// The query meets an alternate name (or the id) through the transliteration rules.
        case ruleAlternate

        public static func < (a: Quality, b: Quality) -> Bool { a.rawValue < b.rawValue }
    }

    public let place: Place
    /// The stored spelling that matched (name, alternate name or id).
    public let matchedName: String
    public let quality: Quality
}
