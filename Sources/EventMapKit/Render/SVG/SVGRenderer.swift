import Foundation
import GeoCore

/// What came out of drawing a map, besides the SVG text: the frame and scale bar used and the
/// labels that found no room (reported, never silently lost).
public struct RenderedMap {
    public let svg: String
    public let frame: MapFrame
    public let scaleBar: ScaleBar
    public let convergenceDegrees: Double
    public let droppedLabels: [String]
}

/// Draws a `MapDocument` as one self-contained SVG file: the map frame (layers as `<g id>`,
/// clipped to the frame), labels placed without overlaps, and beside it the title, legend,
/// scale bar, north arrow and data attribution. Same document, same bytes.
public struct SVGRenderer {
    public var request: MapFrameRequest
    public static let fontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"

    // Layout, pixels.
    let margin = 16.0
    let headerHeight = 64.0
    let sidebarGap = 20.0
    let sidebarWidth = 270.0

    public init(request: MapFrameRequest = MapFrameRequest()) { self.request = request }

    public func render(_ doc: MapDocument, proj: PROJContext, geos: GEOSContext) throws -> RenderedMap {
        let frame = try MapFrame.make(fitting: doc.focus, request: request, origin: PixelPoint(x: margin, y: headerHeight), context: proj)
        let clip = try FrameClip(frame: frame, context: geos)
        let frameBox = PixelBox(minX: frame.origin.x, minY: frame.origin.y, maxX: frame.origin.x + frame.widthPixels,
                                maxY: frame.origin.y + frame.heightPixels)
        var ids = UniqueIDs()
        let drawing = try drawFrame(doc, frame: frame, clip: clip, frameBox: frameBox, geos: geos, ids: &ids)
        let (body, areaText, leaders, labelText, drawn) = (drawing.body, drawing.areaText, drawing.leaders, drawing.labelText, drawing.drawn)

        // Furniture: sidebar (legend, scale bar, north arrow) and footer (attribution).
        let sideX = frame.origin.x + frame.widthPixels + sidebarGap
        let side = try sidebar(doc.layers, drawn: drawn, timeline: doc.timeline, frame: frame, x: sideX, y: frame.origin.y)
        let sideY = side.bottom
        let width = sideX + sidebarWidth + margin
        let footerTop = max(frame.origin.y + frame.heightPixels, sideY) + 20
        let (attribution, attributionHeight) = attributionGroup(doc.attribution, x: margin, y: footerTop, width: width - 2 * margin)
        let height = footerTop + attributionHeight + margin

        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" id=\"\(XMLText.escape(XMLText.identifier(doc.id)))\""
        s += " width=\"\(SVGNumber.px(width))\" height=\"\(SVGNumber.px(height))\" viewBox=\"0 0 \(SVGNumber.px(width)) \(SVGNumber.px(height))\""
        s += " font-family=\"\(Self.fontFamily)\""
        s += dataAttributes([
            ("projection", frame.projection),
            ("frame-left-px", SVGNumber.px(frame.origin.x)), ("frame-top-px", SVGNumber.px(frame.origin.y)),
            ("frame-width-px", SVGNumber.px(frame.widthPixels)), ("frame-height-px", SVGNumber.px(frame.heightPixels)),
            ("x-min", JSONWriter.format(frame.projectedMin.x, decimals: 3)), ("y-max", JSONWriter.format(frame.projectedMax.y, decimals: 3)),
            ("px-per-unit", JSONWriter.format(frame.pixelsPerUnit, decimals: 12)),
        ])
        s += ">\n"
        s += "<title>\(XMLText.escape(doc.title))</title>\n"
        s += "<desc>\(XMLText.escape(([doc.subtitle] + doc.attribution).filter { !$0.isEmpty }.joined(separator: " ")))</desc>\n"
        s += "<defs><clipPath id=\"frame-clip\"><rect x=\"\(SVGNumber.px(frameBox.minX))\" y=\"\(SVGNumber.px(frameBox.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\"/></clipPath></defs>\n"
        s += "<rect id=\"background\" x=\"0\" y=\"0\" width=\"\(SVGNumber.px(width))\" height=\"\(SVGNumber.px(height))\" fill=\"#ffffff\"/>\n"
        s += "<g id=\"title\" fill=\"#1a1a1a\"><text x=\"\(SVGNumber.px(margin))\" y=\"32\" font-size=\"20\" font-weight=\"bold\">\(XMLText.escape(doc.title))</text>"
        if !doc.subtitle.isEmpty {
            s += "<text x=\"\(SVGNumber.px(margin))\" y=\"52\" font-size=\"12\" fill=\"#444444\">\(XMLText.escape(doc.subtitle))</text>"
        }
        s += "</g>\n"
        s += "<g id=\"map\" clip-path=\"url(#frame-clip)\">\n"
        s += "<rect id=\"map-background\" x=\"\(SVGNumber.px(frameBox.minX))\" y=\"\(SVGNumber.px(frameBox.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\" fill=\"#dfe6ec\"/>\n"
        s += body
        s += "</g>\n"
        s += "<g id=\"area-labels\" font-weight=\"bold\">\n\(areaText)</g>\n"
        s += "<g id=\"label-leaders\" stroke=\"#333333\" stroke-width=\"0.8\">\n\(leaders)</g>\n"
        s += "<g id=\"labels\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n\(labelText)</g>\n"
        s += "<rect id=\"frame\" x=\"\(SVGNumber.px(frameBox.minX))\" y=\"\(SVGNumber.px(frameBox.minY))\" width=\"\(SVGNumber.px(frame.widthPixels))\" height=\"\(SVGNumber.px(frame.heightPixels))\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
        s += side.legend + side.scale + side.arrowAndTimeline + attribution
        s += "</svg>\n"
        return RenderedMap(svg: s, frame: frame, scaleBar: side.scaleBar, convergenceDegrees: side.convergence, droppedLabels: drawing.dropped)
    }

    /// What is drawn inside a map frame: the layers, area names, leader lines and labels, and
    /// which features were drawn and which labels found no room.
    struct FrameDrawing {
        var body = "", areaText = "", leaders = "", labelText = ""
        var drawn: Set<String> = []
        var dropped: [String] = []
        /// `body` layer by layer: the document's layer id, and its `<g>` (a facet sheet draws the
        /// layers every panel shares once).
        var layers: [(id: String, text: String)] = []
    }

    /// Draws the document's layers and labels into `frame` (shared by single maps and facet panels).
    /// With `inheritingLayerPaint`, a feature leaves out the stroke and opacity attributes its layer's
    /// group already sets (hexagons differ only by fill); its fill is always written.
    func drawFrame(_ doc: MapDocument, frame: MapFrame, clip: FrameClip, frameBox: PixelBox, geos: GEOSContext,
                   ids: inout UniqueIDs, inheritingLayerPaint: Bool = false) throws -> FrameDrawing {
        // Layers, collecting symbol boxes and label requests on the way.
        var body = ""
        var layerTexts: [(id: String, text: String)] = []
        var obstacles: [PixelBox] = []
        var labels: [LabelRequest] = []
        var drawn: Set<String> = []
        for layer in doc.layers {
            var g = ""
            let layerPaint = SVGStyle.paint(layer.style)
            func paint(_ s: MapStyle) -> String {
                let pairs = SVGStyle.paint(s)
                guard inheritingLayerPaint else { return SVGStyle.attributes(pairs) }
                return SVGStyle.attributes(pairs.filter { p in p.0 == "fill" || !layerPaint.contains { $0 == p } })
            }
            for f in layer.features {
                // Compare lengths, not texts: holding a copy of `g` made every append copy the whole layer (quadratic).
                let before = g.utf8.count
                defer { if g.utf8.count != before { drawn.insert(f.id) } }
                let style = f.style ?? layer.style
                let fid = ids.make(f.id)
                let attrs = " id=\"\(XMLText.escape(fid))\"" + dataAttributes(f.data) + (f.style.map(paint) ?? "")
                let title = f.label.map { "<title>\(XMLText.escape($0))</title>" } ?? ""
                switch (f.drawing, f.geometry) {
                case (.shape, .point(let p)), (.sizedMarker, .point(let p)):
                    guard case .point(let q)? = try clip.projectedInside(.point(p)) else { continue }
                    let px = frame.pixel(q)
                    var r = style.markerRadius
                    var shape = style.marker
                    if case .sizedMarker(let rp) = f.drawing { r = rp; shape = .circle }
                    let (tag, geometry) = SVGStyle.marker(shape, at: px, radius: r)
                    g += "<\(tag)\(attrs)\(geometry)>\(title)</\(tag)>\n"
                    obstacles.append(PixelBox(around: px, radius: r + style.strokeWidth / 2))
                    if let text = f.label {
                        labels.append(LabelRequest(id: "label-" + fid, text: text, anchor: px, anchorRadius: r + style.strokeWidth / 2,
                                                   fontSize: style.labelSize, bold: style.labelWeight == .bold, priority: f.labelPriority,
                                                   colour: labelColour(style), italic: style.labelItalic))
                    }
                case (.uncertaintyArea, .point(let p)):
                    guard let area = try clip.projectedInside(f.drawnGeometry) else { continue }
                    g += "<path\(attrs) d=\"\(pathData(area, frame))\" fill-rule=\"evenodd\">\(title)</path>\n"
                    if let text = f.label, case .point(let q)? = try clip.projectedInside(.point(f.labelAnchor ?? p)) {
                        let px = frame.pixel(q)
                        labels.append(LabelRequest(id: "label-" + fid, text: text, anchor: px, anchorRadius: 5,
                                                   fontSize: style.labelSize, bold: style.labelWeight == .bold,
                                                   priority: f.labelPriority, preferCentre: true, leaderLine: false,
                                                   colour: labelColour(style), italic: style.labelItalic))
                    }
                default:
                    guard let shape = try clip.projectedInside(f.geometry) else { continue }
                    let isArea = !shape.polygons.isEmpty
                    g += "<path\(attrs) d=\"\(pathData(shape, frame))\"\(isArea ? " fill-rule=\"evenodd\"" : "")>\(title)</path>\n"
                    if let text = f.label, let anchor = try lineLabelAnchor(shape, frame) {
                        labels.append(LabelRequest(id: "label-" + fid, text: text, anchor: anchor, anchorRadius: 3,
                                                   fontSize: style.labelSize, bold: style.labelWeight == .bold, priority: f.labelPriority,
                                                   leaderLine: false, colour: labelColour(style), italic: style.labelItalic))
                    }
                }
            }
            let text = "<g id=\"\(XMLText.escape(ids.make(layer.id)))\" data-title=\"\(XMLText.escape(layer.title))\"\(SVGStyle.attributes(layerPaint))>\n\(g)</g>\n"
            body += text
            layerTexts.append((layer.id, text))
        }

        // Area names first (they need the most room), then point labels around them.
        var placer = LabelPlacer(bounds: frameBox.padded(-3), obstacles: obstacles)
        var areaText = ""
        for a in doc.areaLabels {
            guard let shape = try clip.projectedInside(a.area) else { continue }
            let size = 20.0, spacing = 5.0
            let w = TextMetrics.width(a.text, fontSize: size, letterSpacing: spacing)
            guard let px = try areaLabelPosition(shape, width: w, height: size, frame: frame, frameBox: frameBox,
                                                 obstacles: obstacles, geos: geos) else { continue }
            let box = PixelBox(minX: px.x - w / 2, minY: px.y - size * 0.5, maxX: px.x + w / 2, maxY: px.y + size * 0.5)
            placer.reserve(box)
            obstacles.append(box)
            areaText += "<text id=\"\(XMLText.escape(ids.make("area-label-" + a.id)))\" x=\"\(SVGNumber.px(px.x))\" y=\"\(SVGNumber.px(px.y + size * 0.35))\" text-anchor=\"middle\" font-size=\"\(SVGNumber.px(size))\" letter-spacing=\"\(SVGNumber.px(spacing))\" fill=\"#8c8577\">\(XMLText.escape(a.text))</text>\n"
        }
        let placed = placer.place(labels)
        var labelText = "", leaders = ""
        let requestsById = Dictionary(labels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for l in placed {
            let r = requestsById[l.id]!
            if let (a, b) = l.leader {
                leaders += "<line x1=\"\(SVGNumber.px(a.x))\" y1=\"\(SVGNumber.px(a.y))\" x2=\"\(SVGNumber.px(b.x))\" y2=\"\(SVGNumber.px(b.y))\"/>\n"
            }
            let extra = (r.bold ? " font-weight=\"bold\"" : "") + (r.italic ? " font-style=\"italic\"" : "") + (r.colour.map { " fill=\"\(XMLText.escape($0))\"" } ?? "")
            labelText += "<text id=\"\(XMLText.escape(ids.make(l.id)))\" x=\"\(SVGNumber.px(l.x))\" y=\"\(SVGNumber.px(l.y))\" text-anchor=\"\(l.alignment.rawValue)\" font-size=\"\(SVGNumber.px(r.fontSize))\"\(extra)>\(XMLText.escape(l.text))</text>\n"
        }

        return FrameDrawing(body: body, areaText: areaText, leaders: leaders, labelText: labelText, drawn: drawn,
                            dropped: placer.dropped.map { requestsById[$0]?.text ?? $0 }, layers: layerTexts)
    }

    /// Where an area's name fits wholly inside the visible part of the area, clear of symbols:
    /// the candidate on a 12-pixel grid nearest to GEOS's point on surface (ties by position).
    private func areaLabelPosition(_ projectedArea: ProjectedGeometry, width w: Double, height h: Double, frame: MapFrame,
                                   frameBox: PixelBox, obstacles: [PixelBox], geos: GEOSContext) throws -> PixelPoint? {
        let area = try GEOSGeometry(projectedArea, in: geos)
        guard let inner = try area.pointOnSurface() else { return nil }
        let target = frame.pixel(inner)
        let prepared = try PreparedGeometry(area)
        var best: (Double, PixelPoint)?
        var y = frameBox.minY + h
        while y <= frameBox.maxY - h {
            var x = frameBox.minX + w / 2 + 6
            while x <= frameBox.maxX - w / 2 - 6 {
                let box = PixelBox(minX: x - w / 2, minY: y - h / 2, maxX: x + w / 2, maxY: y + h / 2).padded(4)
                let d = (x - target.x) * (x - target.x) + (y - target.y) * (y - target.y)
                if best.map({ d < $0.0 }) ?? true, !obstacles.contains(where: { $0.intersects(box) }) {
                    let a = frame.projected(PixelPoint(x: box.minX, y: box.maxY)), b = frame.projected(PixelPoint(x: box.maxX, y: box.minY))
                    let poly = try GEOSGeometry(.polygon([MapFrame.rectangle(a, b)]), in: geos)
                    if try prepared.contains(poly) { best = (d, PixelPoint(x: x, y: y)) }
                }
                x += 12
            }
            y += 12
        }
        return best?.1
    }

    // MARK: - Geometry to path data

    private func pathData(_ g: ProjectedGeometry, _ frame: MapFrame) -> String {
        var d = ""
        func run(_ ring: [Projected], close: Bool) {
            var last = ""
            var first = true
            for p in ring {
                let px = frame.pixel(p)
                let pair = "\(SVGNumber.px(px.x)) \(SVGNumber.px(px.y))"
                if pair == last { continue }
                d += (first ? "M" : "L") + pair
                last = pair
                first = false
            }
            if close { d += "Z" }
        }
        switch g {
        case .lineString(let l): run(l, close: false)
        case .multiLineString(let ls): ls.forEach { run($0, close: false) }
        case .polygon(let rs): rs.forEach { run($0, close: true) }
        case .multiPolygon(let ps): ps.forEach { $0.forEach { run($0, close: true) } }
        default: break
        }
        return d
    }

    /// Where a line's label goes: the middle vertex of its longest part.
    private func lineLabelAnchor(_ g: ProjectedGeometry, _ frame: MapFrame) throws -> PixelPoint? {
        guard let line = g.lines.max(by: { $0.count < $1.count }), !line.isEmpty else { return nil }
        let a = line[0], b = line[line.count - 1]
        let mid = line.count > 2 ? line[line.count / 2] : Projected(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        return frame.pixel(mid)
    }

    /// A label's own colour, nil for the default text colour.
    private func labelColour(_ s: MapStyle) -> String? { s.labelColour == MapStyle().labelColour ? nil : s.labelColour }

    func dataAttributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " data-\(XMLText.identifier($0.0.lowercased()))=\"\(XMLText.escape($0.1))\"" }.joined()
    }
}

/// Hands out XML ids that are valid and unique within one document (a repeat gets `-2`, `-3`).
struct UniqueIDs {
    private var used: Set<String> = []
    mutating func make(_ raw: String) -> String {
        let base = XMLText.identifier(raw)
        var id = base, n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }
}
