import GeoCore

/// What goes around the map frame: the legend, the scale bar, the north arrow and the data
/// attribution, each a `<g id>` of its own, laid out down the sidebar and along the foot.
extension SVGRenderer {
    /// The sidebar, top down: legend, scale bar (true at the frame's centre), north arrow and, for
    /// dated maps, the timeline strip; with the y where it ends, and the scale bar and grid
    /// convergence it drew. One stack for maps and facet sheets.
    struct Sidebar {
        var legend: String, scale: String, arrowAndTimeline: String
        var bottom: Double
        var scaleBar: ScaleBar
        var convergence: Double
    }

    func sidebar(_ layers: [MapLayer], drawn: Set<String>, timeline: Timeline?, frame: MapFrame, x: Double, y: Double) throws -> Sidebar {
        var y = y
        let (legend, legendHeight) = legendGroup(layers, drawn: drawn, x: x, y: y)
        y += legendHeight + 18
        let scaleBar = try ScaleBar.make(for: frame, maximumPixels: sidebarWidth - 60)
        let (scale, scaleHeight) = scaleBarGroup(scaleBar, x: x, y: y)
        y += scaleHeight + 16
        let convergence = try GridConvergence.degrees(at: scaleBar.centre, frame: frame)
        var (arrow, arrowHeight) = northArrowGroup(convergence, x: x, y: y)
        y += arrowHeight
        if let t = timeline {
            let (strip, stripHeight) = timelineGroup(t, x: x, y: y + 16)
            arrow += strip
            y += stripHeight + 16
        }
        return Sidebar(legend: legend, scale: scale, arrowAndTimeline: arrow, bottom: y, scaleBar: scaleBar, convergence: convergence)
    }

    func legendGroup(_ layers: [MapLayer], drawn: Set<String>, x: Double, y: Double) -> (String, Double) {
        var s = "<g id=\"legend\" font-size=\"12\" fill=\"#1a1a1a\">\n"
        s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(y + 14))\" font-size=\"14\" font-weight=\"bold\">Legend</text>\n"
        var cy = y + 28
        let textX = x + 36, textWidth = sidebarWidth - 40
        for layer in layers.reversed() where layer.features.contains(where: { drawn.contains($0.id) }) {
            for e in Self.mergingLikeAreas(layer.legend.filter { $0.featureIDs.map({ !$0.isDisjoint(with: drawn) }) ?? true }) {
                let lines = TextMetrics.wrap(e.text, fontSize: 12, maxWidth: textWidth)
                let rowHeight = max(18, Double(lines.count) * 14 + 4)
                var swatchSize = 0.0
                if case .sizedMarker(let r) = e.swatch { swatchSize = 2 * r + 4 }
                let row = max(rowHeight, swatchSize)
                let mid = cy + row / 2
                s += swatch(e, centre: PixelPoint(x: x + 14, y: mid))
                let firstBaseline = mid - Double(lines.count - 1) * 7 + 4
                for (i, line) in lines.enumerated() {
                    s += "<text x=\"\(SVGNumber.px(textX))\" y=\"\(SVGNumber.px(firstBaseline + Double(i) * 14))\">\(XMLText.escape(line))</text>\n"
                }
                cy += row + 4
            }
        }
        s += "</g>\n"
        return (s, cy - y)
    }

    /// A layer's visible entries with more than `limit` areas of one style (the other countries
    /// of a wide map) merged into one row at the first one's place: "Cyprus, Israel, Jordan and 30
    /// more", so that the legend lists what differs, not every grey country.
    static func mergingLikeAreas(_ entries: [LegendEntry], limit: Int = 3) -> [LegendEntry] {
        func names(_ style: MapStyle) -> [String] { entries.filter { $0.swatch == .area && $0.style == style }.map(\.text) }
        var out: [LegendEntry] = []
        var merged: [MapStyle] = []
        for e in entries {
            guard e.swatch == .area, case let all = names(e.style), all.count > limit else { out.append(e); continue }
            if !merged.contains(e.style) {
                merged.append(e.style)
                out.append(LegendEntry(.area, e.style, all.sorted().prefix(limit).joined(separator: ", ") + " and \(all.count - limit) more"))
            }
        }
        return out
    }

    func swatch(_ e: LegendEntry, centre c: PixelPoint) -> String {
        let paint = SVGStyle.attributes(SVGStyle.paint(e.style))
        switch e.swatch {
        case .area:
            return "<rect x=\"\(SVGNumber.px(c.x - 12))\" y=\"\(SVGNumber.px(c.y - 7))\" width=\"24\" height=\"14\"\(paint)/>\n"
        case .line:
            return "<path d=\"M\(SVGNumber.px(c.x - 12)) \(SVGNumber.px(c.y))L\(SVGNumber.px(c.x + 12)) \(SVGNumber.px(c.y))\"\(paint)/>\n"
        case .marker:
            let (tag, g) = SVGStyle.marker(e.style.marker, at: c, radius: e.style.markerRadius)
            return "<\(tag)\(g)\(paint)/>\n"
        case .sizedMarker(let r):
            let (tag, g) = SVGStyle.marker(.circle, at: c, radius: r)
            return "<\(tag)\(g)\(paint)/>\n"
        }
    }

    func scaleBarGroup(_ bar: ScaleBar, x: Double, y: Double) -> (String, Double) {
        let len = bar.lengthPixels, h = 6.0, top = y + 22
        var s = "<g id=\"scale-bar\" font-size=\"11\" fill=\"#1a1a1a\""
        s += dataAttributes([
            ("length-m", JSONWriter.format(bar.lengthMetres, decimals: 3)),
            ("length-px", SVGNumber.px(len)),
            ("true-at-lat", JSONWriter.format(bar.centre.lat, decimals: 6)),
            ("true-at-lon", JSONWriter.format(bar.centre.lon, decimals: 6)),
            ("azimuth-deg", JSONWriter.format(bar.azimuthDegrees, decimals: 4)),
        ])
        s += ">\n"
        s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(y + 12))\" font-size=\"12\" font-weight=\"bold\">Scale</text>\n"
        s += "<rect x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(top))\" width=\"\(SVGNumber.px(len / 2))\" height=\"\(SVGNumber.px(h))\" fill=\"#1a1a1a\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n"
        s += "<rect x=\"\(SVGNumber.px(x + len / 2))\" y=\"\(SVGNumber.px(top))\" width=\"\(SVGNumber.px(len / 2))\" height=\"\(SVGNumber.px(h))\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n"
        let ticks = [(0.0, "0"), (len / 2, ScaleBar.format(bar.lengthMetres / 2)), (len, bar.label)]
        for (dx, t) in ticks {
            s += "<text x=\"\(SVGNumber.px(x + dx))\" y=\"\(SVGNumber.px(top + h + 13))\" text-anchor=\"middle\">\(XMLText.escape(t))</text>\n"
        }
        let lat = "\(JSONWriter.format(abs(bar.centre.lat), decimals: 3))°\(bar.centre.lat < 0 ? "S" : "N")"
        let lon = "\(JSONWriter.format(abs(bar.centre.lon), decimals: 3))°\(bar.centre.lon < 0 ? "W" : "E")"
        let note = "True at the map centre (\(lat), \(lon)), measured as a WGS 84 geodesic."
        let lines = TextMetrics.wrap(note, fontSize: 10, maxWidth: sidebarWidth)
        for (i, line) in lines.enumerated() {
            s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(top + h + 30 + Double(i) * 12))\" font-size=\"10\" fill=\"#444444\">\(XMLText.escape(line))</text>\n"
        }
        s += "</g>\n"
        return (s, 22 + h + 30 + Double(lines.count - 1) * 12)
    }

    func northArrowGroup(_ convergence: Double, x: Double, y: Double) -> (String, Double) {
        let cx = x + 20, cy = y + 26
        var s = "<g id=\"north-arrow\"" + dataAttributes([("convergence-deg", JSONWriter.format(convergence, decimals: 4))]) + ">\n"
        s += "<g transform=\"translate(\(SVGNumber.px(cx)) \(SVGNumber.px(cy))) rotate(\(JSONWriter.format(convergence, decimals: 3)))\">"
        s += "<path d=\"M0 -20L7 10L0 4Z\" fill=\"#1a1a1a\"/><path d=\"M0 -20L-7 10L0 4Z\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>"
        s += "<text x=\"0\" y=\"-24\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">N</text></g>\n"
        let angle = JSONWriter.format(abs(convergence), decimals: 2)
        let note = abs(convergence) < 0.005 ? "True north (grid north at the centre)" : "True north at the centre (\(angle)° \(convergence > 0 ? "east" : "west") of grid north)"
        let lines = TextMetrics.wrap(note, fontSize: 10, maxWidth: sidebarWidth - 48)
        for (i, line) in lines.enumerated() {
            s += "<text x=\"\(SVGNumber.px(x + 44))\" y=\"\(SVGNumber.px(cy + 4 + Double(i) * 12 - Double(lines.count - 1) * 6))\" font-size=\"10\" fill=\"#444444\">\(XMLText.escape(line))</text>\n"
        }
        s += "</g>\n"
        return (s, 44)
    }

    func attributionGroup(_ lines: [String], x: Double, y: Double, width: Double) -> (String, Double) {
        var s = "<g id=\"attribution\" font-size=\"10\" fill=\"#444444\">\n"
        var cy = y
        for text in lines {
            for line in TextMetrics.wrap(text, fontSize: 10, maxWidth: width) {
                s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(cy))\">\(XMLText.escape(line))</text>\n"
                cy += 13
            }
        }
        s += "</g>\n"
        return (s, cy - y)
    }
}
