/// The house style of the maps: one place for colours and sizes, so the overview and the detail
/// map read the same way.
public enum MapPalette {
    public static let primaryCountry = MapStyle(fill: "#f4f0e4", stroke: "#b8b09c", strokeWidth: 0.6)
    public static let secondaryCountry = MapStyle(fill: "#e7e7e2", stroke: "#b8b09c", strokeWidth: 0.6)
    public static let otherCountry = MapStyle(fill: "#eeeeee", stroke: "#b8b09c", strokeWidth: 0.6)
    public static let border = MapStyle(stroke: "#b3261e", strokeWidth: 2)
    public static let zone20 = MapStyle(fill: "#f2dc5d", fillOpacity: 0.4, stroke: "#a88f00", strokeWidth: 0.8, dash: "5 3")
    public static let zone10 = MapStyle(fill: "#f2dc5d", fillOpacity: 0.6, stroke: "#a88f00", strokeWidth: 0.8, dash: "2 2")
    public static let region = MapStyle(stroke: "#7a6f5a", strokeWidth: 1, dash: "2 4", labelSize: 11, labelColour: "#5b5344", labelItalic: true)
    public static let approximatePlace = MapStyle(fill: "#6a51a3", fillOpacity: 0.12, stroke: "#6a51a3", strokeWidth: 1.2, dash: "4 2",
                                                  labelSize: 11, labelColour: "#4a3577")
    public static let city = MapStyle(fill: "#1a1a1a", stroke: "#ffffff", strokeWidth: 1, marker: .square, markerRadius: 4, labelSize: 13,
                                      labelWeight: .bold)
    public static let town = MapStyle(fill: "#2b2b2b", stroke: "#ffffff", strokeWidth: 1, marker: .circle, markerRadius: 3.4, labelSize: 11.5)
    public static let village = MapStyle(fill: "#555555", stroke: "#ffffff", strokeWidth: 0.8, marker: .circle, markerRadius: 2.6, labelSize: 10.5)
    public static let landmark = MapStyle(fill: "#6b4f2a", stroke: "#ffffff", strokeWidth: 0.8, marker: .diamond, markerRadius: 3, labelSize: 10.5)
    public static let site = MapStyle(fill: "#6a51a3", stroke: "#ffffff", strokeWidth: 0.8, marker: .square, markerRadius: 3, labelSize: 10.5)

    /// Observation points by their status at the end of 2020.
    public static func observationPoint(_ status: ObservationPoint.Status) -> MapStyle {
        let (colour, text) = switch status {
        case .remaining: ("#1b7837", "#0f4d22")
        case .encircled: ("#d95f02", "#8a3c00")
        case .evacuated: ("#6f6f6f", "#3d3d3d")
        }
        return MapStyle(fill: colour, fillOpacity: 0.2, stroke: colour, strokeWidth: 1.6, labelSize: 11.5, labelColour: text, labelWeight: .bold)
    }

    public static let event = MapStyle(fill: "#c51b1b", fillOpacity: 0.75, stroke: "#7a0c0c", strokeWidth: 1.2, labelSize: 12,
                                       labelWeight: .bold)
    public static let eventArea = MapStyle(fill: "#c51b1b", fillOpacity: 0.08, stroke: "#c51b1b", strokeWidth: 1.2, dash: "6 3",
                                           labelSize: 11)
    public static let distanceLine = MapStyle(stroke: "#1f4e9c", strokeWidth: 2.2, labelSize: 12.5, labelColour: "#163a75", labelWeight: .bold)
    public static let ring = MapStyle(stroke: "#1f4e9c", strokeWidth: 1.2, dash: "7 4", labelSize: 11)

    /// Marker style for a place kind.
    public static func place(kind: String) -> MapStyle {
        switch kind {
        case "city": city
        case "town": town
        case "village": village
        case "landmark": landmark
        case "site": site
        default: village
        }
    }
}
