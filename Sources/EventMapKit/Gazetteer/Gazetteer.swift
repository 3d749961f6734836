import Foundation
import GeoCore

/// The geocoding table: places by id and by every spelling of their names.
///
/// A query resolves only through the stored names and the deterministic rules of `PlaceName.key`:
/// an exact id first, then a stored spelling typed exactly (up to case, diacritics and
/// punctuation), then the transliteration rules. Edit distance only ever makes "did you mean"
/// suggestions; it never picks a place.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let byId: [String: Int]
    private let byKey: [String: [NameEntry]]

    /// One stored spelling of a place, as indexed.
    private struct NameEntry: Sendable {
        let place: Int
        let name: String
        let isPrimary: Bool
        let folded: String
    }

    public init(places: [Place]) {
        self.places = places
        var byId: [String: Int] = [:]
        var byKey: [String: [NameEntry]] = [:]
        for (i, p) in places.enumerated() {
            if byId[p.id] == nil { byId[p.id] = i }
            for (n, name) in ([p.name] + p.alternateNames + [p.id]).enumerated() {
                let k = PlaceName.key(name)
                guard !k.isEmpty else { continue }
                byKey[k, default: []].append(NameEntry(place: i, name: name, isPrimary: n == 0, folded: PlaceName.fold(name)))
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

    /// The kinds present in the table, sorted.
    public var kinds: [String] { Array(Set(places.map(\.kind))).sorted() }

    /// Every place whose id, name or alternate name has the same key as `query`, best match first.
    public func matches(_ query: String) -> [Place] { candidates(for: query).map(\.place) }

    /// Every place `query` may stand for, best first: by how the query met the place
    /// (`PlaceMatch.Quality`), then in table order.
    public func candidates(for query: String) -> [PlaceMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if let i = byId[trimmed] { return [PlaceMatch(place: places[i], matchedName: trimmed, quality: .id)] }
        let folded = PlaceName.fold(trimmed)
        let lower = trimmed.lowercased()
        var best: [Int: PlaceMatch] = [:]
        for e in byKey[PlaceName.key(trimmed)] ?? [] {
            let quality: PlaceMatch.Quality = e.folded == folded
                ? (e.isPrimary ? .exactName : .exactAlternate) : (e.isPrimary ? .ruleName : .ruleAlternate)
            // Of two spellings met equally well, report the one typed letter for letter.
            let better = best[e.place].map { quality < $0.quality || (quality == $0.quality && e.name.lowercased() == lower) } ?? true
            if better {
                best[e.place] = PlaceMatch(place: places[e.place], matchedName: e.name, quality: quality)
            }
        }
        return best.sorted { $0.value.quality != $1.value.quality ? $0.value.quality < $1.value.quality : $0.key < $1.key }
            .map(\.value)
    }

    /// The one place a name or id stands for, or why there is none. A stored spelling typed
    /// exactly wins over places met only through the transliteration rules; two or more places
    /// met equally well are ambiguous, and the user must pick one by id.
    public func lookup(_ query: String) throws(PlaceLookupError) -> Place {
        try lookupMatch(query).place
    }

    /// `lookup`, with the spelling that matched and how.
    public func lookupMatch(_ query: String) throws(PlaceLookupError) -> PlaceMatch {
        let found = candidates(for: query)
        if found.count == 1 { return found[0] }
        let exact = found.filter { $0.quality <= .exactAlternate }
        if exact.count == 1 { return exact[0] }
        if found.count > 1 { throw .ambiguous(query: query, candidates: found.map(\.place)) }
        throw .unknown(query: query, suggestions: suggestions(for: query))
    }

    /// The closest names to an unknown query, most similar first: edit distance between the keys,
    /// or (one step worse) between the query and a run of whole words of a longer name, so that
    /// "Kafr Takharm" and "Takharim" both suggest Kafr Takharim. Never used to resolve a name.
    public func suggestions(for query: String, limit: Int = 3) -> [Place] {
        let q = PlaceName.key(query)
        guard !q.isEmpty else { return [] }
        let qWords = q.split(separator: " ").count
        let qLength = q.unicodeScalars.count
        // Short keys tolerate one edit, middling ones two, long ones one in four letters.
        let threshold = qLength <= 4 ? 1 : max(2, qLength / 4)
        var best: [Int: (score: Int, lengthGap: Int)] = [:]
        for (key, entries) in byKey {
            var score = EditDistance.levenshtein(q, key)
            let words = key.split(separator: " ")
            if score > 0, words.count > qWords {
                for start in 0...(words.count - qWords) {
                    let run = words[start..<(start + qWords)].joined(separator: " ")
                    score = min(score, EditDistance.levenshtein(q, run) + 1)
                }
            }
            guard score <= threshold else { continue }
            let gap = abs(key.unicodeScalars.count - qLength)
            for e in entries {
                if let old = best[e.place], (old.score, old.lengthGap) <= (score, gap) { continue }
                best[e.place] = (score, gap)
            }
        }
        return best.sorted { ($0.value.score, $0.value.lengthGap, $0.key) < ($1.value.score, $1.value.lengthGap, $1.key) }
            .prefix(limit).map { places[$0.key] }
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
