/// Distances stated in English or Arabic text ("around 10 kilometers from the Turkish border",
/// "nearly 9 km", "88 km", "على بعد نحو 10 كيلومترات من الحدود التركية"): the figure, its unit,
/// the qualifying word, and what it is measured from (the nearest place named before it in its
/// sentence) and to (a border, or a place named after "from").
enum DistanceClaims {
    static let englishUnits: [String: String] = [
        "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
        "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m", "mi": "mi", "mile": "mi", "miles": "mi",
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    ]
    /// Qualifying words before the figure (one or two words, as folded) → qualifier.
    static let qualifiers: [[String]: Claim.Qualifier] = [
        ["around"]: .about, ["about"]: .about, ["approximately"]: .about, ["roughly"]: .about, ["some"]: .about, ["approx"]: .about,
        ["nearly"]: .nearly, ["almost"]: .nearly, ["at", "least"]: .atLeast, ["more", "than"]: .over, ["over"]: .over,
        ["less", "than"]: .under, ["under"]: .under, ["up", "to"]: .atMost, ["within"]: .atMost, ["at", "most"]: .atMost,
        ["نحو"]: .about, ["حوالي"]: .about, ["حوالى"]: .about, ["قرابه"]: .about, ["يقارب"]: .about, ["زهاء"]: .about,
        ["اكثر", "من"]: .over, ["اقل", "من"]: .under, ["ما", "يقارب"]: .about,
    ]
    /// Words that may stand between the unit and what it is measured to.
    static let linkWords: Set<String> = ["away", "from", "of", "the", "north", "south", "east", "west", "northwest", "northeast",
                                         "southwest", "southeast", "off", "inside", "مسافه", "من", "عن", "شمال", "جنوب", "شرق", "غرب"]

    static func find(tokens: [TextToken], scalars: [Unicode.Scalar], tokenMention: [Int?], masked: [Bool]) -> [DistanceMention] {
        func key(_ t: TextToken) -> String { t.isArabic ? ArabicNormalization.normalize(t.text) : t.lowercased }
        func slice(_ a: Int, _ b: Int) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[a..<b]); return String(v) }
        var out: [DistanceMention] = []
        var k = 0
        while k < tokens.count {
            defer { k += 1 }
            // The figure: digits (ASCII or Arabic-Indic), a decimal, a number word; "10km" carries its unit.
            var (value, unitInToken) = number(tokens[k].text)
            if value == nil, let w = numberWords[tokens[k].lowercased] { value = w }
            guard var v = value else { continue }
            var last = k
            if unitInToken == nil, k + 1 < tokens.count, tokens[k + 1].start == tokens[k].end + 1,
               [".", "\u{066B}"].contains(slice(tokens[k].end, tokens[k + 1].start)),
               let frac = number(tokens[k + 1].text).value, number(tokens[k + 1].text).unit == nil {
                v = Double("\(Int(v)).\(tokens[k + 1].text.filter(\.isASCII))") ?? v + frac / 10
                last = k + 1
            }
            var unit = unitInToken
            if unit == nil, last + 1 < tokens.count, !tokens[last + 1].breakBefore || slice(tokens[last].end, tokens[last + 1].start) == "-" {
                unit = englishUnits[tokens[last + 1].lowercased] ?? GeoparseVocabulary.arabicUnits[key(tokens[last + 1])]
                if unit != nil { last += 1 }
            }
            guard let unit else { continue }
            // The qualifier: one or two words before the figure.
            var qualifier = Claim.Qualifier.exact, qualifierWord: String?, start = tokens[k].start
            for n in [2, 1] where k - n >= 0 && !tokens[(k - n + 1)...k].contains(where: \.breakBefore) {
                let words = tokens[(k - n)..<k].map(key)
                if let q = qualifiers[words] {
                    qualifier = q
                    qualifierWord = slice(tokens[k - n].start, tokens[k - 1].end)
                    start = tokens[k - n].start
                    break
                }
            }
            // What it is measured to.
            var toBorder = false, borderCountry: String?, toMention: Int?, end = tokens[last].end
            var j = last + 1
            while j < tokens.count, j - last <= 6, !tokens[j].sentenceStart {
                let w = key(tokens[j])
                if w == "border" || w == "borders" || w == "الحدود" || w == "الحد" {
                    toBorder = true
                    end = tokens[j].end
                    let before = j > 0 ? (GeoparseVocabulary.englishDemonyms[key(tokens[j - 1])]) : nil
                    let after = j + 1 < tokens.count ? GeoparseVocabulary.arabicDemonyms[key(tokens[j + 1])] : nil
                    if after != nil, tokens[j].isArabic { end = tokens[j + 1].end }
                    borderCountry = [before, after].compactMap { $0 }.first { !$0.isEmpty }
                    if borderCountry == nil, j + 2 < tokens.count, key(tokens[j + 1]) == "with" {
                        borderCountry = GeoparseVocabulary.countryNames[key(tokens[j + 2])]
                        if borderCountry != nil { end = tokens[j + 2].end }
                    }
                    break
                }
                if let m = tokenMention[j], j > last + 1 {
                    toMention = m
                    var e = j
                    while e + 1 < tokens.count, tokenMention[e + 1] == m { e += 1 }
                    end = tokens[e].end
                    break
                }
                guard linkWords.contains(w) || GeoparseVocabulary.englishDemonyms[w] != nil || GeoparseVocabulary.arabicDemonyms[w] != nil else { break }
                j += 1
            }
            // What it is measured from: the nearest place named before the figure, in its sentence.
            var from: Int?
            var b = k - 1
            while b >= 0 {
                if let m = tokenMention[b], m != toMention { from = m; break }
                if tokens[b].sentenceStart { break }
                b -= 1
            }
            out.append(DistanceMention(start: start, end: end, text: slice(start, end), value: v, unit: unit, qualifier: qualifier,
                                       qualifierWord: qualifierWord, from: from, toBorder: toBorder, borderCountry: borderCountry,
                                       toMention: toMention))
            k = last
        }
        return out
    }

    /// The leading number of a word and the unit written against it ("10km" → 10, km).
    static func number(_ word: String) -> (value: Double?, unit: String?) {
        var digits = "", rest = ""
        for s in word.unicodeScalars {
            if rest.isEmpty, let d = digit(s) { digits.append(d) } else { rest.unicodeScalars.append(s) }
        }
        guard !digits.isEmpty, let v = Double(digits) else { return (nil, nil) }
        if rest.isEmpty { return (v, nil) }
        guard let unit = englishUnits[rest.lowercased()] ?? GeoparseVocabulary.arabicUnits[rest] else { return (nil, nil) }
        return (v, unit)
    }

    /// ASCII, Arabic-Indic and Eastern Arabic-Indic digits as ASCII.
    static func digit(_ s: Unicode.Scalar) -> Character? {
        switch s.value {
        case 0x30...0x39: Character(s)
        case 0x0660...0x0669: Character(Unicode.Scalar(s.value - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: Character(Unicode.Scalar(s.value - 0x06F0 + 0x30)!)
        default: nil
        }
    }
}
