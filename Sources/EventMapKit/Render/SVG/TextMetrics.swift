/// Estimates how much room a label takes, from its font size alone (no font file is read):
/// per-character widths close to DejaVu Sans, rounded up so that estimates err on the wide side.
public enum TextMetrics {
    /// Advance width of `text` in pixels at `fontSize`; bold adds 8 %.
    public static func width(_ text: String, fontSize: Double, bold: Bool = false, letterSpacing: Double = 0) -> Double {
        var em = 0.0
        for c in text.unicodeScalars {
            switch c {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "\u{2019}", "\u{02BF}", "\u{02BE}": em += 0.30
            case " ", "f", "t", "r", "(", ")", "-", "I", "[", "]": em += 0.40
            case "m", "w", "M", "W", "@": em += 0.92
            case _ where ("A"..."Z").contains(c): em += 0.72
            case _ where ("0"..."9").contains(c): em += 0.64
            case _ where c.value >= 0x0600 && c.value <= 0x06FF: em += 0.55
            default: em += 0.60
            }
        }
        let letters = Double(text.unicodeScalars.count)
        return (em * fontSize + letterSpacing * max(0, letters - 1)) * (bold ? 1.08 : 1)
    }

    /// Height of a line box: ascent 0.93 em above the baseline, descent 0.24 em below.
    public static func ascent(_ fontSize: Double) -> Double { fontSize * 0.93 }
    public static func descent(_ fontSize: Double) -> Double { fontSize * 0.24 }

    /// Splits `text` into lines no wider than `maxWidth` (words are never broken).
    public static func wrap(_ text: String, fontSize: Double, maxWidth: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && width(candidate, fontSize: fontSize, bold: bold) > maxWidth {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
