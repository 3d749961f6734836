import EventMapKit
import Testing

/// Claim verdicts with an injected border distance, so that the logic is tested on its own
/// (the real border distance is tested where it lives, in the queries code).
@Suite struct ClaimCheckTests {
    static func distanceClaim(place: String, km: Double, _ q: Claim.Qualifier) -> Claim {
        Claim(id: "c", eventId: "e", outlet: "X", published: nil, kind: .distance, low: km, unit: "km", qualifier: q,
              placeId: place, reference: "border")
    }

    static func checker(borderKm: Double) throws -> ClaimChecker {
        ClaimChecker(gazetteer: try BundledData.gazetteer(), distanceToBorder: { _ in (borderKm * 1000, "the test border") })
    }

    /// Kafr Takharim is where_prec 1: exact by the one uncertainty rule (LocationUncertainty). At
    /// 10.2 km the geometry allows 10.2 km, inside "about 10 km" (8-12 km).
    @Test func consistent() throws {
        let c = try #require(try Self.checker(borderKm: 10.2).check(Self.distanceClaim(place: "kafr-takharim", km: 10, .about)))
        #expect(c.verdict == .consistent)
        #expect(c.uncertaintyMetres == 0)
        #expect(c.reason.contains("10.2 km") && c.reason.contains("8-12 km"))
    }

    /// At 14 km (13-15 km) nothing is within 8-12 km.
    @Test func inconsistent() throws {
        let c = try #require(try Self.checker(borderKm: 14).check(Self.distanceClaim(place: "kafr-takharim", km: 10, .about)))
        #expect(c.verdict == .inconsistent)
    }

    /// The camp is placed only within 8 km: 9.5 ± 8 km straddles "nearly 9 km" (7.65-9 km).
    @Test func cannotTellForAnApproximatePlace() throws {
        let c = try #require(try Self.checker(borderKm: 9.5).check(Self.distanceClaim(place: "jabal-al-duwayla-camp", km: 9, .nearly)))
        #expect(c.verdict == .cannotTell)
        #expect(c.reason.contains("placed only within 8 km"))
    }

    /// A place pinned at its reference's coordinate proves nothing about being "near" it.
    @Test func cannotTellWhenThePlaceIsAnchoredToItsReference() throws {
        let claim = Claim(id: "c", eventId: "e", outlet: "AFP", published: nil, kind: .location, low: nil, qualifier: .near,
                          placeId: "op09-morek", reference: "morek")
        let c = try #require(try Self.checker(borderKm: 0).check(claim))
        #expect(c.verdict == .cannotTell)
        #expect(c.computedMetres == 0)
        #expect(c.uncertaintyMetres == 3000)  // 3000 m (op09-morek); Morek is where_prec 1, exact by the one rule
        #expect(c.reason.contains("pinned at Morek"))
    }

    /// "near" between two independent places: Kafr Takharim to Harim is about 10.5 km (GeodSolve:
    /// -i "36.1168 36.51522 36.21176 36.52078" gives 10548.825 m), well within 25 km with ±2 km.
    @Test func nearBetweenIndependentPlaces() throws {
        let claim = Claim(id: "c", eventId: "e", outlet: "X", published: nil, kind: .location, low: nil, qualifier: .near,
                          placeId: "kafr-takharim", reference: "harim")
        let c = try #require(try Self.checker(borderKm: 0).check(claim))
        #expect(c.verdict == .consistent)
        #expect(abs(c.computedMetres - 10_548.825) < 0.001)  // 1 mm
    }

    /// The tolerance table (ClaimTolerance's doc comment), edge by edge.
    @Test func toleranceFollowsTheWording() {
        let v = 10_000.0
        func t(_ q: Claim.Qualifier) -> ClaimTolerance { ClaimTolerance(qualifier: q, valueMetres: v) }
        #expect(t(.about).contains(8_000) && t(.about).contains(12_000) && !t(.about).contains(12_001) && !t(.about).contains(7_999))
        #expect(t(.nearly).contains(8_500) && t(.nearly).contains(10_000) && !t(.nearly).contains(10_001) && !t(.nearly).contains(8_499))
        #expect(t(.atLeast).contains(10_000) && t(.atLeast).contains(1e9) && !t(.atLeast).contains(9_999))
        #expect(!t(.over).contains(10_000) && t(.over).contains(10_001))
        #expect(t(.atMost).contains(10_000) && !t(.under).contains(10_000) && t(.under).contains(0))
        #expect(t(.exact).contains(10_500) && !t(.exact).contains(10_501))
        #expect(ClaimTolerance(qualifier: .near, valueMetres: nil).upperMetres == 25_000)
    }

    @Test func judgeEdges() {
        let about10 = ClaimTolerance(qualifier: .about, valueMetres: 10_000)
        #expect(ClaimChecker.judge(computed: 10_000, uncertainty: 0, admitted: about10, wording: "about").0 == .consistent)
        // "about 10 km" admits 8-12 km: 11.5 ± 1 km straddles 12 km; 5 ± 2 km lies wholly below 8 km.
        #expect(ClaimChecker.judge(computed: 11_500, uncertainty: 1_000, admitted: about10, wording: "about").0 == .cannotTell)
        #expect(ClaimChecker.judge(computed: 5_000, uncertainty: 2_000, admitted: about10, wording: "about").0 == .inconsistent)
        let over10 = ClaimTolerance(qualifier: .over, valueMetres: 10_000)
        #expect(ClaimChecker.judge(computed: 9_000, uncertainty: 1_000, admitted: over10, wording: "over").0 == .inconsistent)
    }

    @Test func casualtyClaimsHaveNoGeometry() throws {
        let claim = Claim(id: "c", eventId: "e", outlet: "X", published: nil, kind: .killed, low: 5)
        #expect(try Self.checker(borderKm: 1).check(claim) == nil)
    }

    @Test func bundledClaimsWithGeometry() throws {
        let checks = try Self.checker(borderKm: 10).checkAll(try BundledData.events())
        #expect(checks.map(\.claim.id) == ["r12", "r13", "r14"])
    }
}
