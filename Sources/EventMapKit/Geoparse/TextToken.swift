/// A word of a text, with where it stands: offsets in Unicode scalars (code points, as Python
/// counts them), whether punctuation separates it from the word before, and its script.
public struct TextToken: Sendable, Equatable {
    public let text: String
    public let start: Int
    public let end: Int
    /// Punctuation other than a space or a hyphen lies between this word and the previous one
    /// (a place name never spans it).
    public let breakBefore: Bool
    /// First word of the text or of a sentence (after . ! ? or a blank line).
    public let sentenceStart: Bool

    public var isArabic: Bool { text.unicodeScalars.contains(where: ArabicNormalization.isArabic) }
    /// True when the first letter is upper case (proper nouns in English text).
    public var isCapitalised: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
    public var lowercased: String { text.lowercased() }

    /// The words of `text`. A word is a run of letters, marks and digits; an apostrophe between
    /// letters stays inside it (Qal'at, Turkey’s), a hyphen splits it.
    public static func tokens(_ text: String) -> [TextToken] {
        var out: [TextToken] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var gap = String.UnicodeScalarView()
        var atSentenceStart = true
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: true
            default: false
            }
        }
        while i < scalars.count {
            let s = scalars[i]
            guard isWordScalar(s) else {
                gap.append(s)
                i += 1
                continue
            }
            let start = i
            var word = String.UnicodeScalarView()
            while i < scalars.count {
                if isWordScalar(scalars[i]) { word.append(scalars[i]); i += 1; continue }
                if PlaceName.apostrophes.contains(scalars[i]), i + 1 < scalars.count, isWordScalar(scalars[i + 1]), !word.isEmpty {
                    word.append(scalars[i]); i += 1; continue
                }
                break
            }
            let gapText = String(gap)
            let hasBreak = gapText.unicodeScalars.contains { !($0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{00A0}") }
            let endsSentence = gapText.contains(where: { ".!?؟\n".contains($0) })
            out.append(TextToken(text: String(word), start: start, end: i, breakBefore: out.isEmpty || hasBreak,
                                 sentenceStart: atSentenceStart || endsSentence))
            atSentenceStart = false
            gap = String.UnicodeScalarView()
        }
        return out
    }
}
