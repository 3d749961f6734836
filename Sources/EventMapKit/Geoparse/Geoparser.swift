import GeoCore

/// Finds the places and distances an English or Arabic text mentions, with a gazetteer.
///
/// Names are matched as runs of up to `maxWords` words, longest first, so that "Kafr Takharim"
/// wins over "Kafr". In English a place name is capitalised; single common words (sentence
/// openers, months, "Target") are not places. Not mapped: demonyms ("Turkish", "السوري"),
/// organisation names (a capitalised run holding a head word: "Syrian Observatory for Human
/// Rights"; in Arabic a head word such as المرصد and the words after it), people's names (after
/// a title, or a place-like word joined to other capitalised words: "Rami Abdel Rahman").
///
/// Confidence: 0.95 a single place with the name as stored; 0.8 a single place through the
/// spelling rules; several candidates: 0.85 decided by `--country`, 0.7 by the countries of the
/// other places and country names in the text, 0.4 by rank alone (settlement, population); 0.05
/// less when an Arabic proclitic (و ب ل ف ك) had to be taken off.
public struct Geoparser {
    public let gazetteer: Gazetteer
    public var countries: [String]
    public static let maxWords = 6

    public init(gazetteer: Gazetteer, countries: [String] = []) {
        self.gazetteer = gazetteer
        self.countries = countries.map { $0.uppercased() }
    }

    private struct Found {
        var start: Int, end: Int, text: String, candidates: [PlaceMatch], strippedPrefix: Bool
    }

    public func parse(_ text: String) -> GeoparseResult {
        let scalars = Array(text.unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[a..<b]); return String(v) }
        let tokens = TextToken.tokens(text)
        var result = GeoparseResult()
        var masked = [Bool](repeating: false, count: tokens.count)
        var contextCountries: [String: Int] = [:]
        func mask(_ r: Range<Int>, _ why: NotMapped.Why) {
            guard !r.isEmpty, !masked[r].allSatisfy({ $0 }) else { return }
            for i in r { masked[i] = true }
            result.notMapped.append(NotMapped(start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end,
                                              text: slice(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end), why: why))
        }
        let connectors: Set<String> = ["for", "of", "the", "and", "al", "el", "ad", "ash", "as", "at", "ar", "an", "de", "du", "bin", "ibn", "abu", "abd", "abdel"]
        func norm(_ t: TextToken) -> String { ArabicNormalization.normalize(t.text) }

        // 1. Organisations: a capitalised run (connectors allowed inside) holding a head word.
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalised, !tokens[i].isArabic else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, !tokens[j].breakBefore,
                  tokens[j].isCapitalised || (connectors.contains(tokens[j].lowercased) && j + 1 < tokens.count && tokens[j + 1].isCapitalised && !tokens[j + 1].breakBefore) {
                j += 1
            }
            // Sentence openers and heading words before the name are not part of it ("The", "Target").
            var first = i
            while first < j - 1, GeoparseVocabulary.englishCommonWords.contains(tokens[first].lowercased),
                  !GeoparseVocabulary.organisationHeads.contains(tokens[first].lowercased) { first += 1 }
            if j - first >= 2, tokens[first..<j].contains(where: { GeoparseVocabulary.organisationHeads.contains($0.lowercased) }) {
                mask(first..<j, .organisation)
            }
            i = j
        }
        for (i, t) in tokens.enumerated() where t.isArabic && GeoparseVocabulary.arabicOrganisationHeads.contains(norm(t)) {
            var j = i + 1
            while j < tokens.count, j - i <= 4, !tokens[j].breakBefore, tokens[j].isArabic, !GeoparseVocabulary.arabicStops.contains(norm(tokens[j])) { j += 1 }
            mask(i..<j, .organisation)
        }
        // 2. People after a title.
        for (i, t) in tokens.enumerated() {
            let isTitle = t.isArabic ? GeoparseVocabulary.arabicTitles.contains(norm(t)) : GeoparseVocabulary.titles.contains(t.lowercased)
            guard isTitle else { continue }
            var j = i + 1
            while j < tokens.count, j - i <= 3, !tokens[j].breakBefore,
                  t.isArabic ? tokens[j].isArabic && !GeoparseVocabulary.arabicStops.contains(norm(tokens[j])) : (tokens[j].isCapitalised || connectors.contains(tokens[j].lowercased)) {
                j += 1
            }
            while j > i + 1, !t.isArabic, !tokens[j - 1].isCapitalised { j -= 1 }
            if j > i + 1, !masked[(i + 1)..<j].contains(true) { mask((i + 1)..<j, .person) }
        }
        // 3. Demonyms and country names: never places, but context.
        for (i, t) in tokens.enumerated() where !masked[i] {
            let key = t.isArabic ? norm(t) : t.lowercased
            if let cc = t.isArabic ? GeoparseVocabulary.arabicDemonyms[key] : GeoparseVocabulary.englishDemonyms[key] {
                if !cc.isEmpty { contextCountries[cc, default: 0] += 1 }
                mask(i..<(i + 1), .demonym)
            }
        }
        for i in tokens.indices where !masked[i] {
            for n in [2, 1] where i + n <= tokens.count && !masked[i..<(i + n)].contains(true) {
                let phrase = tokens[i..<(i + n)].map { $0.isArabic ? norm($0) : $0.lowercased }.joined(separator: " ")
                guard let cc = GeoparseVocabulary.countryNames[phrase], tokens[i].isArabic || tokens[i].isCapitalised else { continue }
                for k in i..<(i + n) { masked[k] = true }
                result.countries.append(CountryMention(start: tokens[i].start, end: tokens[i + n - 1].end,
                                                       text: slice(tokens[i].start, tokens[i + n - 1].end), code: cc))
                contextCountries[cc, default: 0] += 1
                break
            }
        }

        // 4. Place names, longest run first.
        var found: [Found] = []
        var tokenMention = [Int?](repeating: nil, count: tokens.count)
        i = 0
        scan: while i < tokens.count {
            guard !masked[i] else { i += 1; continue }
            for n in stride(from: min(Self.maxWords, tokens.count - i), through: 1, by: -1) {
                let span = tokens[i..<(i + n)]
                guard !masked[i..<(i + n)].contains(true), !span.dropFirst().contains(where: \.breakBefore) else { continue }
                let arabic = span.allSatisfy(\.isArabic)
                if !arabic {
                    guard span.allSatisfy({ !$0.isArabic }), span.first!.isCapitalised, span.last!.isCapitalised,
                          span.allSatisfy({ $0.isCapitalised || connectors.contains($0.lowercased) }) else { continue }
                    if n == 1, GeoparseVocabulary.englishCommonWords.contains(span.first!.lowercased) { continue }
                }
                // Acronyms (US, SAA, AFP) are not place names.
                if !arabic, n == 1, span.first!.text.count >= 2, span.first!.text.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
                if arabic, n == 1, GeoparseVocabulary.arabicCommonWords.contains(norm(span.first!)) { continue }
                var start = span.first!.start
                var end = span.last!.end
                // A possessive ("Syria's", "Turkey’s") is the name without its 's.
                if !arabic, let last = span.last?.text, last.count > 2, last.hasSuffix("'s") || last.hasSuffix("’s") { end -= 2 }
                var candidates: [PlaceMatch] = []
                var stripped = false
                let written = slice(start, end)
                if n == 1, !arabic, GeoparseVocabulary.countryNames[written.lowercased()] != nil {
                    result.countries.append(CountryMention(start: start, end: end, text: written, code: GeoparseVocabulary.countryNames[written.lowercased()]!))
                    contextCountries[GeoparseVocabulary.countryNames[written.lowercased()]!, default: 0] += 1
                    masked[i] = true
                    i += 1
                    continue scan
                }
                if gazetteer.knows(written) {
                    candidates = gazetteer.candidates(for: written)
                    // At world scale a single word met only through the spelling rules is a guess
                    // (Assad → Issad): that is allowed from the first gazetteer (the curated one) only.
                    if n == 1, candidates.allSatisfy({ $0.quality >= .ruleName }), !gazetteer.layers[0].knowsKey(PlaceName.key(written)) {
                        candidates = []
                    }
                } else if arabic {
                    let first = span.first!.text
                    for p in GeoparseVocabulary.arabicProclitics where first.hasPrefix(p) && first.count >= p.count + 4 {
                        let rest = slice(start + p.unicodeScalars.count, end)
                        if gazetteer.knows(rest) {
                            candidates = gazetteer.candidates(for: rest)
                            start += p.unicodeScalars.count
                            stripped = true
                            break
                        }
                    }
                }
                guard !candidates.isEmpty else { continue }
                // A place-like word joined to other capitalised words is part of a longer name (a person's).
                if !arabic {
                    let personBefore = i > 0 && result.notMapped.last.map { $0.why == .person && $0.end == tokens[i - 1].end } == true
                    let before = i > 0 && !tokens[i].breakBefore && tokens[i - 1].isCapitalised && tokenMention[i - 1] == nil
                        && (!masked[i - 1] || personBefore)
                        && !GeoparseVocabulary.englishCommonWords.contains(tokens[i - 1].lowercased)
                        && !GeoparseVocabulary.titles.contains(tokens[i - 1].lowercased)
                    let after = i + n < tokens.count && !tokens[i + n].breakBefore && tokens[i + n].isCapitalised && !masked[i + n]
                        && !GeoparseVocabulary.englishCommonWords.contains(tokens[i + n].lowercased)
                    if before || after {
                        let lo = before ? i - 1 : i, hi = after ? i + n + 1 : i + n
                        mask(lo..<hi, .person)
                        i += n
                        continue scan
                    }
                }
                for k in i..<(i + n) { tokenMention[k] = found.count }
                found.append(Found(start: start, end: end, text: slice(start, end), candidates: candidates, strippedPrefix: stripped))
                i += n
                continue scan
            }
            i += 1
        }

        // 5. Resolve: single candidates first; their countries are context for the others.
        let wanted = Set(countries)
        func narrowed(_ c: [PlaceMatch]) -> [PlaceMatch] {
            guard !wanted.isEmpty else { return c }
            let kept = c.filter { wanted.contains($0.place.country) }
            return kept.isEmpty ? c : kept
        }
        for f in found where narrowed(f.candidates).count == 1 {
            let c = narrowed(f.candidates)[0].place.country
            if !c.isEmpty { contextCountries[c, default: 0] += 1 }
        }
        for f in found {
            let all = f.candidates
            var chosen = all[0], confidence: Double, reason: String
            let how = "matched '\(chosen.matchedName)'" + (chosen.quality >= .ruleName ? " through the spelling rules" : "")
            if all.count == 1 {
                confidence = chosen.quality >= .ruleName ? 0.8 : 0.95
                reason = "\(how); the only place of that name"
            } else if !wanted.isEmpty, let best = all.first(where: { wanted.contains($0.place.country) }) {
                chosen = best
                confidence = all.filter { wanted.contains($0.place.country) }.count == 1 ? 0.85 : 0.6
                reason = "\(all.count) places share the name; --country \(countries.joined(separator: ",")) kept \(best.place.country)"
            } else if let best = all.filter({ contextCountries[$0.place.country] != nil })
                        .max(by: { contextCountries[$0.place.country]! < contextCountries[$1.place.country]! }) {
                chosen = best
                confidence = 0.7
                reason = "\(all.count) places share the name; the text is about \(contextCountries.keys.sorted().joined(separator: ", ")) (other places, country names, demonyms): kept the one in \(best.place.country)"
            } else {
                confidence = 0.4
                reason = "\(all.count) places share the name and nothing in the text tells them apart: took the best ranked (settlement, population)"
            }
            if f.strippedPrefix { confidence -= 0.05; reason += "; an Arabic proclitic was taken off the first word" }
            result.mentions.append(PlaceMention(start: f.start, end: f.end, text: f.text, place: chosen.place, matchedName: chosen.matchedName,
                                                confidence: (confidence * 100).rounded() / 100, reason: reason, candidateCount: all.count))
        }

        // 6. Distances.
        result.distances = DistanceClaims.find(tokens: tokens, scalars: scalars, tokenMention: tokenMention, masked: masked)
        return result
    }
}
