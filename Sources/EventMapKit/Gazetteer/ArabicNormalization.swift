/// Arabic spelling normalisation for name matching. People type the same Arabic name with or
/// without vowel signs, with any of the hamza forms of alef, and with taa marbuta or haa at the
/// end; these rules make those spellings one key (the article ال is kept, as it is written).
public enum ArabicNormalization {
    /// True for the letters and signs of the Arabic blocks (U+0600-06FF, U+0750-077F, U+08A0-08FF).
    public static func isArabic(_ s: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(s.value) || (0x0750...0x077F).contains(s.value) || (0x08A0...0x08FF).contains(s.value)
    }

    /// True for the signs written above or below letters that matching ignores: harakat
    /// (fatha, damma, kasra), tanween, shadda, sukun, superscript alef, hamza above/below, and
    /// the Quranic annotation marks.
    public static func isTashkeel(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED, 0x08D3...0x08FF:
            true
        default:
            false
        }
    }

    /// The bare letter each variant letter matches as: alef with hamza above or below, with madda
    /// and alef wasla → alef; taa marbuta → haa; alef maksura → yaa; the Persian keyboard's
    /// keheh and farsi yeh → kaf and yaa. Hamza on waw or yaa (ؤ ئ) is a different letter and stays.
    static let letterMap: [UInt32: Unicode.Scalar] = [
        0x0622: "\u{0627}", 0x0623: "\u{0627}", 0x0625: "\u{0627}", 0x0671: "\u{0627}",  // آ أ إ ٱ → ا
        0x0629: "\u{0647}",  // ة → ه
        0x0649: "\u{064A}",  // ى → ي
        0x06A9: "\u{0643}",  // ک → ك
        0x06CC: "\u{064A}",  // ی → ي
    ]

    /// Tatweel (kashida), the stretching stroke of justified text.
    static let tatweel: UInt32 = 0x0640

    /// `text` with tashkeel and tatweel removed and the variant letters replaced by their bare
    /// letter. Characters outside the Arabic blocks pass through unchanged.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == tatweel || isTashkeel(s) { continue }
            out.append(letterMap[s.value] ?? s)
        }
        return String(out)
    }

    /// The Arabic definite article, written joined to its word.
    public static let article = "\u{0627}\u{0644}"
}
