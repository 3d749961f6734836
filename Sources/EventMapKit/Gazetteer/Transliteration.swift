/// The deterministic rules that make the common Latin transliterations of one Arabic (or
/// Turkish) name meet: Kafr/Kafar/Kfar, Idlib/Idleb, Morek/Murak/Mourek, Harim/Harem,
/// Salwa/Salwah, Saraqib/Sarakib, Ma'arrat/Maarat, al-/el-/ash-. Arabic writes no short
/// vowels, so transliterations disagree mostly on vowels; the rules keep where a vowel is and
/// whether it is open (a e i) or rounded (o u), and nothing else about it. They are applied to
/// both the stored names and the query; they never guess between different stored names.
public enum Transliteration {
    /// Latin spellings of the Arabic article, written as a separate word or joined by a hyphen
    /// (al-, el-, and the sun-letter forms ad-, an-, ar-, as-, ash-, at-, ath-, az-, ...).
    public static let articles: Set<String> = [
        "al", "el", "il", "ad", "ed", "adh", "an", "en", "ar", "er", "as", "es", "ash", "esh",
        "at", "et", "ath", "eth", "az", "ez",
    ]

    /// Generic words of Arabic place names whose spellings differ by more than vowel quality,
    /// keyed by their folded form (see `fold(word:)`) → the folded canonical form.
    /// Kafr (كفر, "village"): Kafr, Kafar, Kfar, Kafer, Kefr; Jabal (جبل, "mountain"): Jabal, Jebel, Jbel, Djebel.
    static let genericWords: [String: String] = [
        "kafar": "kafr", "kfar": "kafr", "kfr": "kafr",
        "jbal": "jabal", "jabl": "jabal",
    ]

    /// The key of one Latin word, lower-case ASCII letters and digits already
    /// (see `PlaceName.latinFold`). The steps, in order:
    /// 1. dj → j (French Djisr, Djebel); a final h after a vowel goes (Salwah → salwa, Hamah → hama);
    /// 2. kh → h, gh → g (Takharim/Taharim, Shughur/Shugur; Turkish ğ is g), q → k (Saraqib/Sarakib);
    /// 3. every vowel becomes a (for a e i, and y when no vowel follows) or u (for o u): Idlib/Idleb,
    ///    Harim/Harem, Morek/Murak, ee/ii/i, oo/ou/u, Shaykh/Sheikh;
    /// 4. a letter written twice counts once (Lattakia, Maarrat, Tell, Aleppo);
    /// 5. a generic word takes its canonical spelling (Kafar, Kfar → kafr).
    public static func fold(word: String) -> String {
        var w = Array(word.unicodeScalars)
        func isVowel(_ s: Unicode.Scalar) -> Bool { "aeiou".unicodeScalars.contains(s) }

        // 1. dj → j; final h after a vowel.
        w = replacing(w, "dj", "j")
        if w.count > 2, w.last == "h", isVowel(w[w.count - 2]) { w.removeLast() }
        // 2. Digraphs for sounds Latin lacks, and q/k.
        w = replacing(replacing(w, "kh", "h"), "gh", "g")
        w = w.map { $0 == "q" ? "k" : $0 }
        // 3. Vowel quality: open or rounded. y is a vowel unless a vowel follows or it starts the word.
        var classed: [Unicode.Scalar] = []
        for (i, s) in w.enumerated() {
            switch s {
            case "a", "e", "i": classed.append("a")
            case "o", "u": classed.append("u")
            case "y" where i > 0 && !(i + 1 < w.count && isVowel(w[i + 1])): classed.append("a")
            default: classed.append(s)
            }
        }
        // 4. Doubled letters (and runs of one vowel class) count once.
        var collapsed: [Unicode.Scalar] = []
        for s in classed where collapsed.last != s { collapsed.append(s) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: collapsed)
        let folded = String(out)
        // 5. Generic words.
        return genericWords[folded] ?? folded
    }

    /// `s` with every occurrence of the two-letter sequence `pair` replaced by `by`.
    private static func replacing(_ s: [Unicode.Scalar], _ pair: String, _ by: Unicode.Scalar) -> [Unicode.Scalar] {
        let p = Array(pair.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if i + 1 < s.count, s[i] == p[0], s[i + 1] == p[1] {
                out.append(by)
                i += 2
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
