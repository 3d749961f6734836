import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// The labels of the bundled maps, read back from the SVG text: none overlaps another, a marker,
/// or the frame's edge. Boxes are the font-size estimates the placer uses (DejaVu Sans widths).
@Suite struct LabelLayoutTests {
    static func bundledProduct() throws -> RenderProduct {
        let g = try GazetteerCSV.read(String(contentsOfFile: Paths.geodata("places.csv"), encoding: .utf8), file: "places.csv")
        let events = try EventsCSV.read(events: String(contentsOfFile: Paths.geodata("events.csv"), encoding: .utf8), eventsFile: "events.csv",
                                        reports: String(contentsOfFile: Paths.geodata("reports.csv"), encoding: .utf8), reportsFile: "reports.csv",
                                        gazetteer: g, skipBad: false, countryNames: try AnalysisFixtures.world().countryNamesByISO2).events
        let scenario = try Scenario.read(String(contentsOfFile: Paths.geodata("scenarios/kafr-takharim-2020.json"), encoding: .utf8), file: "scenario")
        return try RenderJob.run(RenderInputs(gazetteer: g, world: try AnalysisFixtures.world(), events: events), scenario: scenario, RenderOptions())
    }

    static func attribute(_ name: String, _ line: Substring) -> String? {
        guard let r = line.range(of: " \(name)=\"") else { return nil }
        return String(line[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func labelsOverlapNeitherEachOtherNorMarkersNorTheFrameEdge() throws {
        for file in try Self.bundledProduct().files where file.name.hasSuffix(".svg") {
            let lines = file.contents.split(separator: "\n")
            let root = lines.first { $0.hasPrefix("<svg ") }!
            let left = Double(Self.attribute("data-frame-left-px", root)!)!, top = Double(Self.attribute("data-frame-top-px", root)!)!
            let frame = PixelBox(minX: left, minY: top, maxX: left + Double(Self.attribute("data-frame-width-px", root)!)!,
                                 maxY: top + Double(Self.attribute("data-frame-height-px", root)!)!)
            var boxes: [(String, PixelBox)] = []
            var inLabels = false
            for line in lines {
                if line.hasPrefix("<g id=\"labels\"") || line.hasPrefix("<g id=\"area-labels\"") { inLabels = true; continue }
                if line == "</g>" { inLabels = false; continue }
                guard inLabels, line.hasPrefix("<text") else { continue }
                let x = Double(Self.attribute("x", line)!)!, y = Double(Self.attribute("y", line)!)!
                let size = Double(Self.attribute("font-size", line)!)!
                let spacing = Self.attribute("letter-spacing", line).flatMap(Double.init) ?? 0
                let text = XMLTextUnescape.unescape(String(line.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" }))
                let w = TextMetrics.width(text, fontSize: size, bold: line.contains("font-weight=\"bold\""), letterSpacing: spacing)
                let minX = switch Self.attribute("text-anchor", line) { case "middle": x - w / 2; case "end": x - w; default: x }
                boxes.append((text, PixelBox(minX: minX, minY: y - TextMetrics.ascent(size), maxX: minX + w, maxY: y + TextMetrics.descent(size))))
            }
            #expect(boxes.count > 10, "\(file.name)")
            // Markers: circles, squares and the diamond/triangle paths of point layers (not areas).
            var markers: [PixelBox] = []
            for line in lines where line.hasPrefix("<circle id=") {
                let cx = Double(Self.attribute("cx", line)!)!, cy = Double(Self.attribute("cy", line)!)!, r = Double(Self.attribute("r", line)!)!
                markers.append(PixelBox(around: PixelPoint(x: cx, y: cy), radius: r))
            }
            for (i, a) in boxes.enumerated() {
                #expect(frame.contains(a.1), "\(file.name): '\(a.0)' leaves the frame")
                for b in boxes[(i + 1)...] { #expect(!a.1.intersects(b.1), "\(file.name): '\(a.0)' overlaps '\(b.0)'") }
                for m in markers { #expect(!a.1.intersects(m), "\(file.name): '\(a.0)' covers a marker") }
            }
        }
    }
}

/// Undoes XMLText.escape for reading labels back.
enum XMLTextUnescape {
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
