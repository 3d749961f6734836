import GeoCore

/// What a render is about, as data (geodata/scenarios/*.json, schema in geodata/README.md): the
/// titles, the focus place, the border the measurements use, the zones, the maps, the
/// measurements printed and the names of the files written. `Scenario.derived` builds one from
/// the data when the user gives none.
public struct Scenario: Sendable {
    public var id: String
    /// The TARGET of the borders measured to and drawn: `border` (the nearest land border) or
    /// `border:AAA-BBB` / `border:AAA`.
    public var border: String
    /// The place (id) the detail map and the focus line are about; nil for none.
    public var focus: String?
    public var zones: [Zone]
    public var maps: [MapSpec]
    public var measurements: [Measurement]
    public var layerNames: LayerNames

    /// A geodesic band along the border, clipped to one country's side.
    public struct Zone: Sendable {
        public var radiusMetres: Double
        /// The country (name or code) the band is clipped to.
        public var side: String
        /// Its GeoJSON layer (file) name and the id of its map layer.
        public var layer: String
    }

    /// One SVG map.
    public struct MapSpec: Sendable {
        public enum Extent: Sendable {
            /// Fit the observation points, the events and the focus (else every place).
            case fitData
            /// A circle of this radius around the focus place.
            case aroundFocus(radiusMetres: Double)
            case box(BoundingBox)
        }

        public var id: String
        public var title: String
        public var subtitle: String
        public var extent: Extent
        /// Layers bottom to top, from: countries, zone:LAYER, regions, border, event-areas,
        /// observation-points, events, places, ring, focus-line.
        public var layers: [String]
        /// The radius of the ring around the focus (the `ring` layer).
        public var ringMetres: Double?
        /// A map fitted to the data also shows where the places' nearest border points lie.
        public var showsNearestBorder = false

        public static let layerVocabulary = ["countries", "regions", "border", "event-areas", "observation-points", "events", "places", "ring", "focus-line"]
    }

    /// A line of the terminal's key measurements.
    public enum Measurement: Sendable {
        /// The focus place to the border, and the approximate places within this radius of it.
        case focusToBorder(nearbyApproximateMetres: Double)
        /// Every place and event to the nearest border (for scenarios derived from the data).
        case everythingToBorder(limit: Int)
        /// Each event's casualty ranges and reports: at most `limit` events, the largest by best
        /// killed estimate (in file order), then a line counting the others.
        case casualties(limit: Int)
        /// The zones' areas.
        case zoneAreas
        /// From one place to others, geodesic.
        case distances(from: String, to: [String])
    }

    /// The GeoJSON layer names (files are NAME.geojson).
    public struct LayerNames: Sendable {
        public var places = "places"
        public var observationPoints = "observation-points"
        public var events = "events"
        public var border = "borders"
        /// The focus place's line to its nearest border point; nil for none.
        public var focusLine: String?
        public init() {}
    }

    public init(id: String, border: String = "border", focus: String? = nil, zones: [Zone] = [], maps: [MapSpec],
                measurements: [Measurement], layerNames: LayerNames = LayerNames()) {
        self.id = id; self.border = border; self.focus = focus; self.zones = zones; self.maps = maps
        self.measurements = measurements; self.layerNames = layerNames
    }
}
