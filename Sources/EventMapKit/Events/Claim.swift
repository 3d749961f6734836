import Foundation

/// One thing one outlet said about an event: a toll, a distance, a place. Claims are kept
/// as stated (a combined "killed and wounded" toll stays combined); ranges are derived from them.
public struct Claim: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case killed
        case wounded
        /// One figure for the dead and wounded together; never split into the two.
        case killedAndWounded = "killed_and_wounded"
        /// A distance from the claim's place to a reference (the border, another place).
        case distance
        /// Where something is: the claim's place is "near" the reference place.
        case location

        public var isCasualty: Bool { self == .killed || self == .wounded || self == .killedAndWounded }
    }

    /// How the figure is worded; `check` takes its tolerance from it (see ClaimTolerance).
    public enum Qualifier: String, Sendable, CaseIterable {
        case exact
        case about
        case nearly
        case atLeast = "at_least"
        case over
        case atMost = "at_most"
        case under
        case near

        /// How people write it, e.g. "at least".
        public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
        /// True when the figure bounds the truth from below only ("at least 78").
        public var isOpenAbove: Bool { self == .atLeast || self == .over }
    }

    /// Whose casualties a toll counts, so that tolls of different groups add up instead of competing.
    public enum Victims: String, Sendable, CaseIterable {
        /// Everyone (or not said).
        case all = ""
        case actor1
        case actor2
        case civilians
        case unknown
    }

    public let id: String
    public let eventId: String
    /// Who makes the claim (SOHR, Al-Masdar News, ...).
    public let outlet: String
    /// Who carried it to us when not the outlet itself (AFP, Wikipedia).
    public let via: String
    public let published: CalendarDay?
    public let title: String
    public let link: String
    public let kind: Kind
    public let victims: Victims
    /// The stated figure, or the low end of a stated range; nil for a claim without a number
    /// ("a large number of fighters").
    public let low: Double?
    /// The high end of a stated range; nil when the claim states one figure.
    public let high: Double?
    /// A best estimate stated by the source itself (UCDP's `best`); nil for news reports.
    public let best: Double?
    /// For distances: "km" or "m".
    public let unit: String
    public let qualifier: Qualifier
    /// The place the claim is about (distance and location claims).
    public let placeId: String?
    /// What a distance or location is measured to: `border` or a place id.
    public let reference: String?
    /// The id of the same outlet's earlier claim that this one replaces.
    public let supersedes: String?
    public let quote: String
    public let notes: String

    public init(id: String, eventId: String, outlet: String, via: String = "", published: CalendarDay?, title: String = "",
                link: String = "", kind: Kind, victims: Victims = .all, low: Double?, high: Double? = nil, best: Double? = nil,
                unit: String = "", qualifier: Qualifier = .exact, placeId: String? = nil, reference: String? = nil,
                supersedes: String? = nil, quote: String = "", notes: String = "") {
        self.id = id
        self.eventId = eventId
        self.outlet = outlet
        self.via = via
        self.published = published
        self.title = title
        self.link = link
        self.kind = kind
        self.victims = victims
        self.low = low
        self.high = high
        self.best = best
        self.unit = unit
        self.qualifier = qualifier
        self.placeId = placeId
        self.reference = reference
        self.supersedes = supersedes
        self.quote = quote
        self.notes = notes
    }

    /// The outlets that stand for a dataset's own coding (read from ACLED or UCDP files), not a report.
    public static let datasetOutlets: Set<String> = ["ACLED", "UCDP GED"]
    public var isDatasetCoding: Bool { Claim.datasetOutlets.contains(outlet) }

    /// The claimed distance in metres, if this is a distance claim with a figure.
    public var distanceMetres: Double? {
        guard kind == .distance, let low else { return nil }
        return unit == "m" ? low : low * 1000
    }

    /// Short words for tables and JSON, e.g. "killed: at least 78", "wounded: over 90",
    /// "killed and wounded: 200", "distance to border: about 10 km".
    public var summary: String { summary(actor1: "actor1", actor2: "actor2") }

    /// The summary with the victim group named by the event's actors, e.g. "killed (Faylaq al-Sham): 79".
    public func summary(actor1: String, actor2: String) -> String {
        let group = victims == .actor1 ? actor1 : victims == .actor2 ? actor2 : victims.rawValue
        let what: String
        switch kind {
        case .killed: what = victims == .all ? "killed" : "killed (\(group))"
        case .wounded: what = victims == .all ? "wounded" : "wounded (\(group))"
        case .killedAndWounded: what = "killed and wounded"
        case .distance: what = "distance from \(placeId ?? "?") to \(reference ?? "?")"
        case .location: what = "\(placeId ?? "?") near \(reference ?? "?")"
        }
        guard let low else { return kind == .location ? what : "\(what): no figure" }
        var figure = Claim.format(low)
        if let high, high != low { figure += "-" + Claim.format(high) }
        if let best { figure += " (best \(Claim.format(best)))" }
        let q = qualifier == .exact ? "" : qualifier.words + " "
        return "\(what): \(q)\(figure)\(unit.isEmpty ? "" : " " + unit)"
    }

    /// A number without a needless ".0".
    public static func format(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : JSONWriter.format(v, decimals: 3)
    }
}
