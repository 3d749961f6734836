import GeoCore

/// The timeline strip in the sidebar: one bar per period, height ∝ its events or fatalities,
/// with the first and last period named and the tallest bar's value.
extension SVGRenderer {
    func timelineGroup(_ t: Timeline, x: Double, y: Double) -> (String, Double) {
        let w = sidebarWidth - 10, h = 46.0, top = y + 20
        let n = max(1, t.bars.count)
        let step = w / Double(n), barW = max(1, step - (step > 3 ? 1 : 0))
        let peak = t.bars.map(\.value).max() ?? 0
        var s = "<g id=\"timeline\" font-size=\"10\" fill=\"#1a1a1a\"" + dataAttributes([("period", t.period.rawValue), ("measure", t.measure.rawValue),
                                                                                         ("bars", String(t.bars.count)), ("peak", Claim.format(peak))]) + ">\n"
        s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(y + 12))\" font-size=\"12\" font-weight=\"bold\">\(XMLText.escape(t.measure == .events ? "Events" : "Fatalities (best estimate)")) per \(t.period.rawValue)</text>\n"
        for (i, b) in t.bars.enumerated() {
            let bh = peak > 0 ? (b.value / peak * h) : 0
            s += "<rect x=\"\(SVGNumber.px(x + Double(i) * step))\" y=\"\(SVGNumber.px(top + h - bh))\" width=\"\(SVGNumber.px(barW))\" height=\"\(SVGNumber.px(max(bh, 0)))\" fill=\"#bd0026\" data-start=\"\(b.start)\" data-value=\"\(Claim.format(b.value))\"><title>\(XMLText.escape("\(b.label): \(Claim.format(b.value))"))</title></rect>\n"
        }
        s += "<path d=\"M\(SVGNumber.px(x)) \(SVGNumber.px(top + h + 0.5))L\(SVGNumber.px(x + w)) \(SVGNumber.px(top + h + 0.5))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
        s += "<text x=\"\(SVGNumber.px(x + w / 2))\" y=\"\(SVGNumber.px(top + h + 13))\" text-anchor=\"middle\" fill=\"#444444\">tallest \(Claim.format(peak))</text>\n"
        if let a = t.bars.first, let b = t.bars.last {
            s += "<text x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(top + h + 13))\">\(XMLText.escape(a.label))</text>\n"
            if t.bars.count > 1 { s += "<text x=\"\(SVGNumber.px(x + w))\" y=\"\(SVGNumber.px(top + h + 13))\" text-anchor=\"end\">\(XMLText.escape(b.label))</text>\n" }
        }
        s += "</g>\n"
        return (s, top + h + 16 - y)
    }
}
