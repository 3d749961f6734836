import GeoCore

/// One event: when, what (ACLED's types), who, where (a gazetteer place or a bare coordinate,
/// with its precision), and every claim made about it. Casualty ranges come from the claims
/// (CasualtyRules) unless a dataset coded them itself.
public struct Event: Sendable, Equatable, Identifiable {
    public let id: String
    public let date: EventDate
    /// ACLED event_type, e.g. `Explosions/Remote violence`.
    public let eventType: String
    /// ACLED sub_event_type, e.g. `Air/drone strike`.
    public let subEventType: String
    public let actor1: String
    public let assocActor1: String
    public let actor2: String
    public let assocActor2: String
    /// The gazetteer id, or nil for an event read from another dataset with its own coordinate.
    public let placeId: String?
    /// The location's name (the place's name, or the dataset's location field).
    public let location: String
    public let admin1: String
    /// Country name, e.g. Syria.
    public let country: String
    public let position: LonLat
    public let precision: LocationPrecision
    /// The radius in metres within which the event happened.
    public let uncertaintyMetres: Double
    public let notes: String
    public let claims: [Claim]
    /// Killed as a dataset coded it (ACLED fatalities, UCDP low/best/high); nil for our own events.
    public let codedKilled: CasualtyRange?
    /// The cells of the row this event was read from that the model does not hold, when it came
    /// from ACLED or UCDP: written back unchanged, so nothing is lost on a round trip.
    public let sourceRecord: SourceRecord?

    public init(id: String, date: EventDate, eventType: String, subEventType: String, actor1: String,
                assocActor1: String = "", actor2: String = "", assocActor2: String = "", placeId: String?,
                location: String, admin1: String = "", country: String = "", position: LonLat,
                precision: LocationPrecision, uncertaintyMetres: Double? = nil, notes: String = "",
                claims: [Claim] = [], codedKilled: CasualtyRange? = nil, sourceRecord: SourceRecord? = nil) {
        self.id = id
        self.date = date
        self.eventType = eventType
        self.subEventType = subEventType
        self.actor1 = actor1
        self.assocActor1 = assocActor1
        self.actor2 = actor2
        self.assocActor2 = assocActor2
        self.placeId = placeId
        self.location = location
        self.admin1 = admin1
        self.country = country
        self.position = position
        self.precision = precision
        self.uncertaintyMetres = uncertaintyMetres ?? precision.defaultRadiusMetres
        self.notes = notes
        self.claims = claims
        self.codedKilled = codedKilled
        self.sourceRecord = sourceRecord
    }

    public var killed: CasualtyRange? { codedKilled ?? CasualtyRules.range(.killed, in: claims) }
    public var wounded: CasualtyRange? { CasualtyRules.range(.wounded, in: claims) }
    /// A combined killed-and-wounded toll, kept apart from the killed and wounded ranges.
    public var killedAndWounded: CasualtyRange? { CasualtyRules.range(.killedAndWounded, in: claims) }
    public var isApproximate: Bool { precision.code >= 2 }

    /// A claim's summary with its victim group named by this event's actors.
    public func summary(of claim: Claim) -> String {
        claim.summary(actor1: actor1.isEmpty ? "actor1" : actor1, actor2: actor2.isEmpty ? "actor2" : actor2)
    }
}

/// What an input row holds beyond the model's fields: its format, and the columns the format does
/// not map (`ACLEDFormat.mappedColumns`, `UCDPFormat.mappedColumns`) with their values, in the file's order.
public struct SourceRecord: Sendable, Equatable {
    public let format: EventFormat
    public let columns: [String]
    public let values: [String]

    public subscript(column: String) -> String? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    /// The non-empty cells whose columns are not in `known` (a newer or older release's extra
    /// columns), as "column=value; ...", so that writing the same format back drops nothing.
    public func extraText(known: [String]) -> String {
        let cells = zip(columns, values).filter { !$1.isEmpty && !known.contains($0) }.map { "\($0)=\($1)" }
        return cells.isEmpty ? "" : "other columns: " + cells.joined(separator: "; ")
    }

    /// The non-empty cells the model does not hold, as "column=value; ...", for a format that
    /// has no column for them (UCDP's conflict ids in an ACLED file, ACLED's inter codes in UCDP).
    public var unmappedText: String {
        let mapped = format == .acled ? ACLEDFormat.mappedColumns : UCDPFormat.mappedColumns
        let name = format == .acled ? "ACLED" : "UCDP GED"
        let cells = zip(columns, values).filter { !$1.isEmpty && !mapped.contains($0) }.map { "\($0)=\($1)" }
        return cells.isEmpty ? "" : "\(name) fields: " + cells.joined(separator: "; ")
    }
}

/// The event files we read and write besides our own geodata/events.csv.
public enum EventFormat: String, Sendable, CaseIterable {
    case acled
    case ucdp
}
