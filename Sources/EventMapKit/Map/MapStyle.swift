/// How a layer's features look: SVG paint for areas and lines, a marker for points, and the
/// look of their labels. Colours are CSS colour strings (`#rrggbb`).
public struct MapStyle: Sendable, Equatable {
    public var fill: String?
    public var fillOpacity: Double
    public var stroke: String?
    public var strokeWidth: Double
    public var strokeOpacity: Double
    /// SVG `stroke-dasharray`, e.g. "6 3"; nil for a solid line.
    public var dash: String?
    /// The symbol drawn for a precisely known point.
    public var marker: MarkerShape
    /// Marker radius in pixels.
    public var markerRadius: Double
    public var labelSize: Double
    public var labelColour: String
    public var labelWeight: LabelWeight
    public var labelItalic: Bool

    public init(fill: String? = nil, fillOpacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 1,
                strokeOpacity: Double = 1, dash: String? = nil, marker: MarkerShape = .circle, markerRadius: Double = 3.5,
                labelSize: Double = 12, labelColour: String = "#222222", labelWeight: LabelWeight = .normal,
                labelItalic: Bool = false) {
        self.fill = fill; self.fillOpacity = fillOpacity; self.stroke = stroke; self.strokeWidth = strokeWidth
        self.strokeOpacity = strokeOpacity; self.dash = dash; self.marker = marker; self.markerRadius = markerRadius
        self.labelSize = labelSize; self.labelColour = labelColour; self.labelWeight = labelWeight; self.labelItalic = labelItalic
    }

    public enum MarkerShape: String, Sendable {
        case circle, square, triangle, diamond
    }

    public enum LabelWeight: String, Sendable {
        case normal, bold
    }
}

/// One line of a map's legend: a swatch drawn in `style` as `swatch`, and its text.
public struct LegendEntry: Sendable, Equatable {
    public enum Swatch: Sendable, Equatable {
        /// A filled, outlined box: an area.
        case area
        /// A short line.
        case line
        /// The style's marker.
        case marker
        /// A marker of the given radius in pixels (proportional symbols).
        case sizedMarker(radius: Double)
    }

    public var swatch: Swatch
    public var style: MapStyle
    public var text: String
    /// Shown only when one of these features is drawn in the frame; nil: when any of the layer's is.
    public var featureIDs: Set<String>?

    public init(_ swatch: Swatch, _ style: MapStyle, _ text: String, featureIDs: Set<String>? = nil) {
        self.swatch = swatch; self.style = style; self.text = text; self.featureIDs = featureIDs
    }
}
