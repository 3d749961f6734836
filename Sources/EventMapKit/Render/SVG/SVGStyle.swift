/// SVG presentation attributes for a `MapStyle` (attributes, not CSS: rsvg-convert and every
/// browser read them the same way).
enum SVGStyle {
    static func paint(_ s: MapStyle) -> [(String, String)] {
        var a: [(String, String)] = []
        a.append(("fill", s.fill ?? "none"))
        if s.fill != nil && s.fillOpacity < 1 { a.append(("fill-opacity", opacity(s.fillOpacity))) }
        a.append(("stroke", s.stroke ?? "none"))
        if s.stroke != nil {
            a.append(("stroke-width", SVGNumber.px(s.strokeWidth)))
            if s.strokeOpacity < 1 { a.append(("stroke-opacity", opacity(s.strokeOpacity))) }
            if let d = s.dash { a.append(("stroke-dasharray", d)) }
            a.append(("stroke-linejoin", "round"))
        }
        return a
    }

    static func opacity(_ v: Double) -> String { JSONWriterFormat.format(v, decimals: 3) }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }

    /// The marker element for a point at `p`, radius `r`.
    static func marker(_ shape: MapStyle.MarkerShape, at p: PixelPoint, radius r: Double) -> (String, String) {
        let x = p.x, y = p.y
        switch shape {
        case .circle:
            return ("circle", " cx=\"\(SVGNumber.px(x))\" cy=\"\(SVGNumber.px(y))\" r=\"\(SVGNumber.px(r))\"")
        case .square:
            return ("rect", " x=\"\(SVGNumber.px(x - r))\" y=\"\(SVGNumber.px(y - r))\" width=\"\(SVGNumber.px(2 * r))\" height=\"\(SVGNumber.px(2 * r))\"")
        case .triangle:
            let h = r * 1.25
            let d = "M\(SVGNumber.px(x)) \(SVGNumber.px(y - h))L\(SVGNumber.px(x + h * 0.9)) \(SVGNumber.px(y + h * 0.7))L\(SVGNumber.px(x - h * 0.9)) \(SVGNumber.px(y + h * 0.7))Z"
            return ("path", " d=\"\(d)\"")
        case .diamond:
            let h = r * 1.3
            let d = "M\(SVGNumber.px(x)) \(SVGNumber.px(y - h))L\(SVGNumber.px(x + h)) \(SVGNumber.px(y))L\(SVGNumber.px(x)) \(SVGNumber.px(y + h))L\(SVGNumber.px(x - h)) \(SVGNumber.px(y))Z"
            return ("path", " d=\"\(d)\"")
        }
    }
}
