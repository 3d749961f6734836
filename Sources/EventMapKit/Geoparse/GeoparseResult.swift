/// What `Geoparser` finds in a text. Offsets are in Unicode scalars (code points) from the
/// start of the text, end exclusive, as Python's `text[start:end]` reads them.
public struct GeoparseResult: Sendable {
    public var mentions: [PlaceMention] = []
    public var countries: [CountryMention] = []
    public var distances: [DistanceMention] = []
    /// Names that look like places but are not mapped (demonyms, organisations, people), with why.
    public var notMapped: [NotMapped] = []
}

/// A place named in the text and the gazetteer place it stands for.
public struct PlaceMention: Sendable {
    public let start: Int
    public let end: Int
    /// The text as written.
    public let text: String
    public let place: Place
    /// The stored spelling that matched.
    public let matchedName: String
    /// 0-1: how sure the match is (see `Geoparser` for the scale).
    public let confidence: Double
    /// Which name matched and what decided among several candidates.
    public let reason: String
    /// How many places the name could stand for.
    public let candidateCount: Int
}

/// A country named in the text (by name): context for ambiguous names.
public struct CountryMention: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let text: String
    /// ISO 3166-1 alpha-2.
    public let code: String
}

/// A word or run of words that is deliberately not mapped.
public struct NotMapped: Sendable, Equatable {
    public enum Why: String, Sendable {
        case demonym
        case organisation
        case person
    }
    public let start: Int
    public let end: Int
    public let text: String
    public let why: Why
}

/// A distance stated in the text: "around 10 kilometers from the Turkish border".
public struct DistanceMention: Sendable {
    public let start: Int
    public let end: Int
    public let text: String
    public let value: Double
    /// "km", "m" or "mi".
    public let unit: String
    public let qualifier: Claim.Qualifier
    /// The qualifying word as written ("around", "nearly", "نحو"), nil when none.
    public let qualifierWord: String?
    /// The place measured from: the nearest place mentioned before the figure in its sentence.
    public let from: Int?
    /// What it is measured to: a border (with the country its adjective names, if any) or a place mention.
    public let toBorder: Bool
    public let borderCountry: String?
    public let toMention: Int?

    /// The stated value in metres.
    public var metres: Double { unit == "m" ? value : unit == "mi" ? value * 1609.344 : value * 1000 }
}
