import EventMapKit
import Testing
import TestSupport

/// Nearest and within against brute force over every place: distances from GeodSolve -i for
/// points, and from the independent border reference (make_border_reference.py) for the border.
@Suite struct PlaceSearchTests {
    @Test(arguments: ["kafr-takharim", "idlib", "morek", "op06-surman", "ankara"])
    func nearestAgreesWithGeodSolveBruteForce(_ id: String) throws {
        let gazetteer = try AnalysisFixtures.gazetteer()
        let from = try #require(gazetteer.place(id: id))
        let others = gazetteer.places.filter { $0.id != id }
        let ref = try GeodSolve.inverse(others.map { (from.position.lat, from.position.lon, $0.position.lat, $0.position.lon) })
        let expected = zip(others, ref).map { ($0.id, $1.s12) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let search = PlaceSearch(places: gazetteer.places)
        for k in [1, 3, 10, others.count] {
            let found = search.nearest(to: from.position, count: k, excluding: id)
            #expect(found.map(\.place.id) == expected.prefix(k).map(\.0), "k=\(k)")
            for (f, e) in zip(found, expected) { #expect(abs(f.distanceMetres - e.1) < 0.001) }
        }
        // Kind filter: the same as filtering the brute-force list.
        let ops = search.nearest(to: from.position, count: 4, kind: "observation-point", excluding: id)
        let refOps = expected.filter { e in gazetteer.place(id: e.0)?.kind == "observation-point" }.prefix(4).map(\.0)
        #expect(ops.map(\.place.id) == Array(refOps))
    }

    @Test(arguments: [1_000.0, 10_000, 25_000, 100_000])
    func withinOfAPlaceAgreesWithGeodSolve(_ radius: Double) throws {
        let gazetteer = try AnalysisFixtures.gazetteer()
        let from = try #require(gazetteer.place(id: "kafr-takharim"))
        let others = gazetteer.places.filter { $0.id != from.id }
        let ref = try GeodSolve.inverse(others.map { (from.position.lat, from.position.lon, $0.position.lat, $0.position.lon) })
        let expected = Set(zip(others, ref).filter { $0.1.s12 <= radius }.map(\.0.id))
        let found = PlaceSearch(places: gazetteer.places).within(radius, of: .point(try gazetteer.resolvePoint(from.id)))
        #expect(Set(found.map(\.place.id)) == expected)
        #expect(found.map(\.distanceMetres) == found.map(\.distanceMetres).sorted())
    }

    @Test(arguments: [5_000.0, 10_000, 20_000, 50_000])
    func withinOfTheBorderAgreesWithTheReference(_ radius: Double) throws {
        let gazetteer = try AnalysisFixtures.gazetteer(), world = try AnalysisFixtures.world()
        let reference = try AnalysisFixtures.borderReference()
        let target = try TargetResolver(gazetteer: gazetteer, world: world).resolve("border:SYR-TUR")
        let found = PlaceSearch(places: gazetteer.places).within(radius, of: target)
        let expected = Set(gazetteer.places.filter { reference[$0.id]!.distance <= radius }.map(\.id))
        #expect(Set(found.map(\.place.id)) == expected)
        for f in found { #expect(abs(f.distanceMetres - reference[f.place.id]!.distance) < 0.001) }
    }

    @Test func withinOfACountryCountsPlacesInside() throws {
        let gazetteer = try AnalysisFixtures.gazetteer(), world = try AnalysisFixtures.world()
        let turkey = try TargetResolver(gazetteer: gazetteer, world: world).resolve("Turkey")
        let inside = PlaceSearch(places: gazetteer.places).within(0, of: turkey)
        // The gazetteer's country column says which places are in Turkey.
        #expect(Set(inside.map(\.place.id)) == Set(gazetteer.places.filter { $0.country == "TR" }.map(\.id)))
        #expect(inside.allSatisfy { $0.distanceMetres == 0 })
    }
}
