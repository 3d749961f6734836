import GeoCore

/// A named place of the gazetteer: where it is, how well that is known, and who says so.
public struct Place: Sendable, Equatable, Identifiable {
    public let id: String
    public let name: String
    /// Other spellings: Latin transliterations and Arabic.
    public let alternateNames: [String]
    /// city, town, village, observation-point, site, region, landmark, ... (open vocabulary).
    public let kind: String
    public let position: LonLat
    public let admin1: String
    /// ISO 3166-1 alpha-2.
    public let country: String
    public let precision: LocationPrecision
    /// An uncertainty radius stated by the data; nil means the precision code's default.
    public let statedUncertaintyMetres: Double?
    /// Where the coordinate comes from, e.g. `geonames:168629`.
    public let source: String
    public let notes: String
    /// Set for the Turkish observation points of 2017-18.
    public let observationPoint: ObservationPoint?
    /// Inhabitants, when the source gives a figure (GeoNames does for populated places).
    public let population: Int?

    public init(id: String, name: String, alternateNames: [String] = [], kind: String, position: LonLat,
                admin1: String = "", country: String = "", precision: LocationPrecision = .exact,
                statedUncertaintyMetres: Double? = nil, source: String, notes: String = "",
                observationPoint: ObservationPoint? = nil, population: Int? = nil) {
        self.id = id
        self.name = name
        self.alternateNames = alternateNames
        self.kind = kind
        self.position = position
        self.admin1 = admin1
        self.country = country
        self.precision = precision
        self.statedUncertaintyMetres = statedUncertaintyMetres
        self.source = source
        self.notes = notes
        self.observationPoint = observationPoint
        self.population = population
    }

    /// The kinds that are settlements: they rank above other kinds when a name is ambiguous.
    public static let populatedKinds: Set<String> = ["city", "town", "village"]

    /// True for a city, town or village.
    public var isPopulatedPlace: Bool { Place.populatedKinds.contains(kind) }

    /// The radius in metres within which the place truly lies.
    public var uncertaintyMetres: Double { statedUncertaintyMetres ?? precision.defaultRadiusMetres }

    /// True when the coordinate stands in for the place rather than marking it (where_prec 2 or more).
    public var isApproximate: Bool { precision.code >= 2 }
}

/// The attributes of a Turkish observation point (Astana de-escalation posts, 2017-18).
public struct ObservationPoint: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case remaining, encircled, evacuated
    }

    /// The Turkish General Staff's order of announcement, 1-12.
    public let number: Int
    /// ISO date, YYYY-MM-DD or YYYY-MM.
    public let established: String
    /// Status at the end of 2020.
    public let status: Status

    public init(number: Int, established: String, status: Status) {
        self.number = number
        self.established = established
        self.status = status
    }
}
