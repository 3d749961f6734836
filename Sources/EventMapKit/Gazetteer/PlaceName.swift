import Foundation

/// Matching keys for place names. Two spellings of one name meet when their keys are equal:
/// `fold` ignores case (Latin and Cyrillic), diacritics (Cyrillic ё is е), punctuation and Arabic
/// vowel signs ("Kafr Takhārīm" = "kafr-takharim", "ОРЁЛ" = "орел"); `key` also applies the transliteration rules (`Transliteration`) and the
/// Arabic normalisation (`ArabicNormalization`), so that "Kafar Takhareem", "Kfar Takharim"
/// and "kafr takharim" meet, and so do "كَفْر تَخَارِيم" and "كفر تخاريم".
public enum PlaceName {
    /// The key two spellings of one name share: the words of `fold`, Latin words through
    /// `Transliteration.fold(word:)`, Latin articles (al-, el-, ash-, ...) left out, and the Arabic
    /// article ال always joined to its word.
    public static func key(_ name: String) -> String {
        var words = foldedWords(name)
        if words.contains(where: { !Transliteration.articles.contains($0) }) {
            words.removeAll { Transliteration.articles.contains($0) }
        }
        return words.map { isLatin($0) ? Transliteration.fold(word: $0) : $0 }.joined(separator: " ")
    }

    /// `name` folded for an exact comparison: lower case, no diacritics or Arabic vowel signs,
    /// apostrophes and ʿayn/hamza marks dropped, every other run of punctuation and space one space.
    public static func fold(_ name: String) -> String {
        foldedWords(name).joined(separator: " ")
    }

    /// The words of `name`, each folded: Arabic words normalised, Latin words to plain lower-case
    /// letters (Turkish ı → i; other diacritics dropped).
    static func foldedWords(_ name: String) -> [String] {
        // ASCII is its own compatibility composition (most names: the Foundation call costs more than the rest).
        let text = (isASCII(name) ? name : name.precomposedStringWithCompatibilityMapping).lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            current = String.UnicodeScalarView()
            let folded = word.unicodeScalars.contains(where: ArabicNormalization.isArabic)
                ? ArabicNormalization.normalize(word) : latinFold(word)
            if !folded.isEmpty { words.append(folded) }
        }
        for s in text.unicodeScalars {
            if apostrophes.contains(s) { continue }
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                current.append(s)
            default:
                flush()
            }
        }
        flush()
        // The Arabic article written apart ("ال لاذقية") is joined to its word, as it is usually written.
        var joined: [String] = []
        for w in words {
            if joined.last == ArabicNormalization.article { joined[joined.count - 1] += w } else { joined.append(w) }
        }
        return joined
    }

    /// Marks that stand for ʿayn, hamza or an elision inside a word (Qal'at, Maʿarrat, Nu’man):
    /// dropped without splitting the word.
    static let apostrophes: Set<Unicode.Scalar> = [
        "'", "`", "\u{00B4}", "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}",
        "\u{02BB}", "\u{02BC}", "\u{02BE}", "\u{02BF}", "\u{02B9}",
    ]

    /// Latin letters that Unicode does not decompose into a base letter and a diacritic. (Ş, ç
    /// and the like decompose and lose their cedilla: GeoNames writes ص as ş, and Turkish names
    /// are usually typed without it: Sanliurfa, Reyhanli.)
    static let latinSpecials: [Unicode.Scalar: String] = [
        "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ə": "e", "þ": "th",
    ]

    /// A Latin (or other non-Arabic) word without diacritics.
    static func latinFold(_ word: String) -> String {
        if isASCII(word) { return word }  // no diacritic, no special letter to fold
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars {
            if let r = latinSpecials[s] { out.append(contentsOf: r.unicodeScalars) } else { out.append(s) }
        }
        var bare = String.UnicodeScalarView()
        var keptMark = false
        for s in String(out).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // Cyrillic й (и + breve) is a letter of its own; ё (е + diaeresis) folds to е with the other marks.
                if s == cyrillicBreve, let last = bare.last, cyrillicWithBreve.contains(last) { bare.append(s); keptMark = true }
                continue
            default: bare.append(s)
            }
        }
        return keptMark ? String(bare).precomposedStringWithCanonicalMapping : String(bare)
    }

    /// The combining breve, and the Cyrillic letters whose breve makes another letter (й, ў).
    static let cyrillicBreve: Unicode.Scalar = "\u{0306}"
    static let cyrillicWithBreve: Set<Unicode.Scalar> = ["\u{0438}", "\u{0443}"]

    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// True when the word is plain ASCII letters and digits, the input `Transliteration` expects.
    static func isLatin(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}
