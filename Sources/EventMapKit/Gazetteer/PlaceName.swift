import Foundation

/// Folds a place name to a matching key: case, diacritics, punctuation and spacing go, so
/// "Kafr Takhārīm" and "kafr-takharim" meet. (Transliteration variants and Arabic rules
/// are applied on top of this in `key(_:)`.)
public enum PlaceName {
    /// The key two spellings of one name share.
    public static func key(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
