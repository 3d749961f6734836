import GeoCore

/// Small multiples on one SVG sheet: one panel per period, every panel in the same frame
/// (projection, extent and scale, made from the sheet's focus) and coloured by the same classes;
/// one legend, scale bar, north arrow and timeline for all, in the sidebar.
public struct FacetSheet {
    public struct Panel {
        public var title: String
        /// The panel's layers (its events) and area labels; its focus is ignored.
        public var document: MapDocument
        public init(title: String, document: MapDocument) { self.title = title; self.document = document }
    }

    /// Title, legend layers, attribution, timeline and focus (the extent of every panel).
    public var sheet: MapDocument
    public var panels: [Panel]
    public var columns: Int
    public var panelWidthPixels: Double
    /// Layers that are the same in every panel (the basemap, places, observation points): drawn
    /// once, in `<defs>`, and placed in each panel by `<use>`, so a sheet of 24 panels does not
    /// repeat the coastlines 24 times.
    public var sharedLayerIDs: Set<String>

    public init(sheet: MapDocument, panels: [Panel], columns: Int = 3, panelWidthPixels: Double = 300, sharedLayerIDs: Set<String> = []) {
        self.sheet = sheet; self.panels = panels; self.columns = columns; self.panelWidthPixels = panelWidthPixels
        self.sharedLayerIDs = sharedLayerIDs
    }
}

extension SVGRenderer {
    /// Draws the sheet; `request.widthPixels` is replaced by the panel width.
    public func render(_ sheet: FacetSheet, proj: PROJContext, geos: GEOSContext) throws -> RenderedMap {
        var req = request
        req.widthPixels = sheet.panelWidthPixels
        let gap = 14.0, titleHeight = 18.0
        var ids = UniqueIDs()
        var panelsText = "", defs = "", drawn: Set<String> = [], dropped: [String] = []
        var shared: [String: (id: String, origin: PixelPoint)] = [:]
        var first: MapFrame?
        // The sheet's width is known before the panels are drawn: the subtitle wraps to it (at 11 px
        // rather than shrunk past legibility), and the header grows by its extra lines.
        let cols = min(sheet.columns, sheet.panels.count)
        let sideX = margin + Double(cols) * (sheet.panelWidthPixels + gap) - gap + sidebarGap
        let width = sideX + sidebarWidth + margin
        let room = width - 2 * margin
        let subtitleLines = TextMetrics.wrap(sheet.sheet.subtitle, fontSize: 11, maxWidth: room)
        let header = headerHeight + 14 * Double(max(0, subtitleLines.count - 1))
        var bottom = header
        for (i, panel) in sheet.panels.enumerated() {
            let col = i % sheet.columns, row = i / sheet.columns
            let probe = try MapFrame.make(fitting: sheet.sheet.focus, request: req, origin: PixelPoint(x: 0, y: 0), context: proj)
            let origin = PixelPoint(x: margin + Double(col) * (sheet.panelWidthPixels + gap),
                                    y: header + titleHeight + Double(row) * (probe.heightPixels + titleHeight + gap))
            let frame = try MapFrame.make(fitting: sheet.sheet.focus, request: req, origin: origin, context: proj)
            if first == nil { first = frame }
            let clip = try FrameClip(frame: frame, context: geos)
            let box = PixelBox(minX: origin.x, minY: origin.y, maxX: origin.x + frame.widthPixels, maxY: origin.y + frame.heightPixels)
            let d = try drawFrame(panel.document, frame: frame, clip: clip, frameBox: box, geos: geos, ids: &ids, inheritingLayerPaint: true)
            // A shared layer is kept from the first panel that draws it and used, moved, in the others
            // (every panel's frame is the same but for its origin).
            var content = ""
            for layer in d.layers {
                guard sheet.sharedLayerIDs.contains(layer.id) else { content += layer.text; continue }
                if shared[layer.id] == nil {
                    let id = ids.make("shared-" + layer.id)
                    shared[layer.id] = (id, origin)
                    defs += "<g id=\"\(XMLText.escape(id))\">\n\(layer.text)</g>\n"
                }
                let (id, from) = shared[layer.id]!
                let move = from.x == origin.x && from.y == origin.y ? "" : " transform=\"translate(\(SVGNumber.px(origin.x - from.x)) \(SVGNumber.px(origin.y - from.y)))\""
                content += "<use xlink:href=\"#\(XMLText.escape(id))\"\(move)/>\n"
            }
            drawn.formUnion(d.drawn)
            // Each label left off, named with its panel's period ("Darkush [Q1 2020]").
            let period = panel.title.split(separator: ":").first.map(String.init) ?? panel.title
            dropped += d.dropped.map { "\($0) [\(period)]" }
            let clipID = ids.make("panel-\(i + 1)-clip")
            defs += "<clipPath id=\"\(clipID)\"><rect x=\"\(SVGNumber.px(box.minX))\" y=\"\(SVGNumber.px(box.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\"/></clipPath>\n"
            panelsText += "<g id=\"\(ids.make("panel-\(i + 1)"))\" data-title=\"\(XMLText.escape(panel.title))\">\n"
            panelsText += "<text x=\"\(SVGNumber.px(box.minX))\" y=\"\(SVGNumber.px(box.minY - 5))\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">\(XMLText.escape(panel.title))</text>\n"
            panelsText += "<g clip-path=\"url(#\(clipID))\">\n<rect x=\"\(SVGNumber.px(box.minX))\" y=\"\(SVGNumber.px(box.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\" fill=\"#dfe6ec\"/>\n\(content)</g>\n"
            panelsText += "<g font-weight=\"bold\">\n\(d.areaText)</g>\n<g stroke=\"#333333\" stroke-width=\"0.8\">\n\(d.leaders)</g>\n"
            panelsText += "<g fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n\(d.labelText)</g>\n"
            panelsText += "<rect x=\"\(SVGNumber.px(box.minX))\" y=\"\(SVGNumber.px(box.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>\n</g>\n"
            bottom = max(bottom, box.maxY)
        }
        guard let frame = first else { throw MapFrameError.noData }
        let side = try sidebar(sheet.sheet.layers, drawn: drawn.union(sheet.sheet.layers.flatMap(\.features).map(\.id)),
                               timeline: sheet.sheet.timeline, frame: frame, x: sideX, y: header + titleHeight)
        let sideY = side.bottom
        let footerTop = max(bottom, sideY) + 20
        let (attribution, attributionHeight) = attributionGroup(sheet.sheet.attribution, x: margin, y: footerTop, width: width - 2 * margin)
        let height = footerTop + attributionHeight + margin
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" id=\"\(XMLText.escape(XMLText.identifier(sheet.sheet.id)))\""
        s += " width=\"\(SVGNumber.px(width))\" height=\"\(SVGNumber.px(height))\" viewBox=\"0 0 \(SVGNumber.px(width)) \(SVGNumber.px(height))\" font-family=\"\(Self.fontFamily)\""
        s += dataAttributes([("projection", frame.projection), ("panels", String(sheet.panels.count)),
                             ("panel-width-px", SVGNumber.px(frame.widthPixels)), ("panel-height-px", SVGNumber.px(frame.heightPixels)),
                             ("px-per-unit", JSONWriter.format(frame.pixelsPerUnit, decimals: 12))]) + ">\n"
        s += "<title>\(XMLText.escape(sheet.sheet.title))</title>\n"
        s += "<desc>\(XMLText.escape(([sheet.sheet.subtitle] + sheet.sheet.attribution).filter { !$0.isEmpty }.joined(separator: " ")))</desc>\n"
        s += "<defs>\n\(defs)</defs>\n"
        s += "<rect id=\"background\" x=\"0\" y=\"0\" width=\"\(SVGNumber.px(width))\" height=\"\(SVGNumber.px(height))\" fill=\"#ffffff\"/>\n"
        // The title shrinks to the sheet's width rather than run off it; the subtitle wraps (above).
        let titleSize = min(20, 20 * room / max(1, TextMetrics.width(sheet.sheet.title, fontSize: 20, bold: true)))
        s += "<g id=\"title\" fill=\"#1a1a1a\"><text x=\"\(SVGNumber.px(margin))\" y=\"32\" font-size=\"\(SVGNumber.px(titleSize))\" font-weight=\"bold\">\(XMLText.escape(sheet.sheet.title))</text>"
        for (k, line) in subtitleLines.enumerated() {
            s += "<text x=\"\(SVGNumber.px(margin))\" y=\"\(SVGNumber.px(52 + 14 * Double(k)))\" font-size=\"11\" fill=\"#444444\">\(XMLText.escape(line))</text>"
        }
        s += "</g>\n"
        s += "<g id=\"panels\">\n\(panelsText)</g>\n"
        s += side.legend + side.scale + side.arrowAndTimeline + attribution
        s += "</svg>\n"
        return RenderedMap(svg: s, frame: frame, scaleBar: side.scaleBar, convergenceDegrees: side.convergence, droppedLabels: dropped)
    }
}
