import Foundation
import GeoCore
import Testing
import TestSupport
@testable import EventMapKit

/// The SVG writer on a small hand-made map.
@Suite struct SVGRendererTests {
    let kafrTakharim = LonLat(lon: 36.51522, lat: 36.1168)
    let salqin = LonLat(lon: 36.45244, lat: 36.13865)
    let damascus = LonLat(lon: 36.29128, lat: 33.5102)

    func document() -> MapDocument {
        let town = MapStyle(fill: "#000000", marker: .circle, markerRadius: 3)
        let layer = MapLayer(id: "towns", title: "Towns", style: MapStyle(), features: [
            MapFeature(id: "kt", geometry: .point(kafrTakharim), label: "Kafr Takharim", data: [("place-id", "kafr-takharim")], style: town),
            MapFeature(id: "camp", geometry: .point(kafrTakharim), drawing: .uncertaintyArea(radiusMetres: 8000), label: "Camp",
                       data: [("precision", "2")], style: MapPalette.approximatePlace),
            MapFeature(id: "salqin", geometry: .point(salqin), label: "Salqin", style: town),
            MapFeature(id: "damascus", geometry: .point(damascus), label: "Damascus", style: town),
        ], legend: [
            LegendEntry(.marker, town, "Town near the border", featureIDs: ["kt", "salqin"]),
            LegendEntry(.marker, town, "Capital", featureIDs: ["damascus"]),
            LegendEntry(.area, MapPalette.approximatePlace, "Approximate", featureIDs: ["camp"]),
        ])
        return MapDocument(id: "test-map", title: "A <test> & map", layers: [layer], attribution: ["Natural Earth; GeoNames"],
                           focus: layer.features[1].drawnGeometry.positions + [salqin])
    }

    @Test func featuresCarryIdsAndDataAndOnlyVisibleOnesAreDrawnAndListed() throws {
        let r = try SVGRenderer().render(document(), proj: PROJContext(), geos: GEOSContext())
        let svg = r.svg
        #expect(svg.contains("<circle id=\"kt\" data-place-id=\"kafr-takharim\""))
        // The approximate place is an area (a path), never a marker.
        #expect(svg.contains("<path id=\"camp\" data-precision=\"2\""))
        #expect(!svg.contains("<circle id=\"camp\""))
        // Damascus is outside the frame: not drawn, and its legend line is left out.
        #expect(!svg.contains("id=\"damascus\""))
        #expect(svg.contains(">Town near the border<") && svg.contains(">Approximate<") && !svg.contains(">Capital<"))
        #expect(svg.contains("<title>A &lt;test&gt; &amp; map</title>"))
        #expect(r.droppedLabels.isEmpty)
        // Well-formed (xmllint reads it from stdin).
        #expect(try ExternalTool.run("xmllint", ["--noout", "-"], input: svg).status == 0)
    }

    /// A wide map draws dozens of countries in one grey: the legend lists what differs and merges
    /// more than three areas of one style into one row, named alphabetically; three stay listed.
    @Test func manyAreasOfOneStyleShareOneLegendRow() {
        let grey = MapPalette.otherCountry, own = MapPalette.primaryCountry
        let names = ["Turkey", "Cyprus", "Lebanon", "Iraq", "Jordan"]
        let entries = [LegendEntry(.area, own, "Syria")] + names.map { LegendEntry(.area, grey, $0) } + [LegendEntry(.line, grey, "Border")]
        let merged = SVGRenderer.mergingLikeAreas(entries)
        #expect(merged.map(\.text) == ["Syria", "Cyprus, Iraq, Jordan and 2 more", "Border"])
        #expect(merged[1].style == grey && merged[1].swatch == .area)
        let few = [LegendEntry(.area, own, "Syria")] + names.prefix(3).map { LegendEntry(.area, grey, $0) }
        #expect(SVGRenderer.mergingLikeAreas(few) == few)
    }

    @Test func theSameDocumentGivesTheSameBytes() throws {
        let a = try SVGRenderer().render(document(), proj: PROJContext(), geos: GEOSContext()).svg
        let b = try SVGRenderer().render(document(), proj: PROJContext(), geos: GEOSContext()).svg
        #expect(a == b)
    }

    @Test func theCampAreaIsDrawnAtItsTrueRadius() throws {
        // The 8 km circle's width in pixels matches 16 km at the map's scale (within 1 %:
        // transverse Mercator scale varies by under 1e-5 this close to its centre).
        let r = try SVGRenderer().render(document(), proj: PROJContext(), geos: GEOSContext())
        let path = try #require(r.svg.split(separator: "\n").first { $0.hasPrefix("<path id=\"camp\"") })
        let d = String(path.split(separator: " d=\"")[1].split(separator: "\"")[0])
        let xs = d.split(whereSeparator: { $0 == "M" || $0 == "L" || $0 == "Z" }).compactMap { Double($0.split(separator: " ")[0]) }
        let width = (xs.max() ?? 0) - (xs.min() ?? 0)
        let expected = 16_000 * r.scaleBar.lengthPixels / r.scaleBar.lengthMetres
        #expect(abs(width - expected) / expected < 0.01)
    }
}
