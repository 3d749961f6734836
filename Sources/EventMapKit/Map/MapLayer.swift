import GeoCore

/// One feature on a map: its geometry in WGS 84 longitude/latitude, how to draw it, its label,
/// and the key fields written as `data-*` attributes so that a reader of the SVG can tell what
/// each shape stands for.
public struct MapFeature: Sendable, Equatable {
    /// Unique in the map; becomes the SVG element's `id`.
    public var id: String
    public var geometry: Geometry
    public var drawing: Drawing
    public var label: String?
    /// `data-*` attributes in this order (names without the `data-` prefix).
    public var data: [(String, String)]
    /// Overrides the layer's style (e.g. an observation point coloured by its status).
    public var style: MapStyle?
    /// Higher labels are placed first and so win where space is short.
    public var labelPriority: Int
    /// Where the label goes when not at the geometry (a region's name inside its circle's top).
    public var labelAnchor: LonLat?

    public enum Drawing: Sendable, Equatable {
        /// Lines and areas as they are; points as the style's marker.
        case shape
        /// A point known only within `radiusMetres`: drawn as the geodesic circle of that radius
        /// (never as a pin); `geometry` is the centre.
        case uncertaintyArea(radiusMetres: Double)
        /// A point drawn as a marker of this radius in pixels (proportional symbols).
        case sizedMarker(radiusPixels: Double)
    }

    public init(id: String, geometry: Geometry, drawing: Drawing = .shape, label: String? = nil,
                data: [(String, String)] = [], style: MapStyle? = nil, labelPriority: Int = 0, labelAnchor: LonLat? = nil) {
        self.id = id; self.geometry = geometry; self.drawing = drawing; self.label = label
        self.data = data; self.style = style; self.labelPriority = labelPriority; self.labelAnchor = labelAnchor
    }

    public static func == (a: MapFeature, b: MapFeature) -> Bool {
        a.id == b.id && a.geometry == b.geometry && a.drawing == b.drawing && a.label == b.label
            && a.style == b.style && a.labelPriority == b.labelPriority && a.labelAnchor == b.labelAnchor
            && a.data.count == b.data.count && zip(a.data, b.data).allSatisfy { $0 == $1 }
    }
}

/// A layer: features of one kind with one style, drawn as one SVG `<g id="...">`.
public struct MapLayer: Sendable, Equatable {
    /// The SVG group id, e.g. `observation-points`.
    public var id: String
    public var title: String
    public var style: MapStyle
    public var features: [MapFeature]
    public var legend: [LegendEntry]
    /// Whether the layer's big areas are cut to the map frame before drawing (country polygons).
    public var clipToFrame: Bool

    public init(id: String, title: String, style: MapStyle, features: [MapFeature], legend: [LegendEntry] = [],
                clipToFrame: Bool = true) {
        self.id = id; self.title = title; self.style = style; self.features = features
        self.legend = legend; self.clipToFrame = clipToFrame
    }
}

/// A whole map: what to draw, in which frame, with the words that go around it.
public struct MapDocument: Sendable {
    /// The file's base name and the SVG root's id, e.g. `nw-syria-overview`.
    public var id: String
    public var title: String
    public var subtitle: String
    /// Layers bottom to top.
    public var layers: [MapLayer]
    /// Data sources, one line each (drawn inside the file).
    public var attribution: [String]
    /// Area names drawn in large spaced letters (country names), placed before point labels.
    public var areaLabels: [AreaLabel]
    /// What the frame must show (lon/lat): the map's subject, not the whole of every country.
    public var focus: [LonLat]
    /// Events or fatalities per period, drawn as a strip in the sidebar (nil: no dated events).
    public var timeline: Timeline?

    public init(id: String, title: String, subtitle: String = "", layers: [MapLayer], attribution: [String],
                areaLabels: [AreaLabel] = [], focus: [LonLat], timeline: Timeline? = nil) {
        self.id = id; self.title = title; self.subtitle = subtitle; self.layers = layers; self.timeline = timeline
        self.attribution = attribution; self.areaLabels = areaLabels; self.focus = focus
    }
}

/// The name of an area (a country), written inside the part of it that the frame shows.
public struct AreaLabel: Sendable, Equatable {
    public var id: String
    public var text: String
    /// The area, lon/lat.
    public var area: Geometry

    public init(id: String, text: String, area: Geometry) {
        self.id = id; self.text = text; self.area = area
    }
}

extension MapFeature {
    /// The geometry as drawn: an uncertainty area becomes its geodesic circle
    /// (`GeodesicBuffer.circle`, edges within 1 m of the true circle).
    public var drawnGeometry: Geometry {
        guard case .uncertaintyArea(let r) = drawing, case .point(let c) = geometry, r > 0 else { return geometry }
        return .polygon([GeodesicBuffer.circle(centre: c, radiusMetres: r, toleranceMetres: 1)])
    }
}
