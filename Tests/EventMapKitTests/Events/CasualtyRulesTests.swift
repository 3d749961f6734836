import EventMapKit
import Testing

/// The range rules, on the seed claims and on small made-up sets. The expected values for the
/// seed events were worked out by hand from the two seed reports (/work/shared/seeds: the
/// Wikipedia article "2020 Kafr Takharim airstrike" and the AFP report), following the rules
/// documented in CasualtyRules; they are exact integers (tolerance 0).
@Suite struct CasualtyRulesTests {
    /// Killed, 26 Oct strike. Claims: SOHR at least 56 (superseded by SOHR's 78), SOHR at least 78
    /// (superseded by SOHR's 79 of 1 Nov), SOHR 79, Wikipedia 78-105, and three without figures.
    /// Final figured claims: 79 and 78-105 → low 78 (range's low end), high 105, best 79 (the
    /// only final point figure; the range does not pick best). 56 sets nothing.
    @Test func airstrikeKilledRange() throws {
        let e = try BundledData.event("e20201026-duwayla-airstrike")
        #expect(e.killed == CasualtyRange(low: 78, best: 79, high: 105))
    }

    /// Wounded: SOHR over 90 (26 Oct), Wikipedia over 100, SOHR "dozens" (no figure) → 90-100, best 90.
    @Test func airstrikeWoundedRange() throws {
        let e = try BundledData.event("e20201026-duwayla-airstrike")
        #expect(e.wounded == CasualtyRange(low: 90, best: 90, high: 100))
    }

    /// Al-Masdar's 200 dead and wounded stays a combined figure and does not touch the others.
    @Test func combinedTollIsKeptApart() throws {
        let e = try BundledData.event("e20201026-duwayla-airstrike")
        #expect(e.killedAndWounded == CasualtyRange(exactly: 200))
        #expect(e.killed?.high == 105)
        #expect(e.wounded?.high == 100)
    }

    /// The provisional 56 is kept as a claim, marked superseded, and sets nothing.
    @Test func provisionalTollIsKeptButSetsNothing() throws {
        let e = try BundledData.event("e20201026-duwayla-airstrike")
        let superseded = CasualtyRules.supersededIds(in: e.claims)
        let provisional = try #require(e.claims.first { $0.low == 56 })
        #expect(superseded.contains(provisional.id))
        #expect(!CasualtyRules.finalClaims(.killed, in: e.claims).contains { $0.id == provisional.id })
    }

    /// US strike: 17 militants and at least 5 civilians are different groups and add up to 22.
    @Test func victimGroupsAddUp() throws {
        let e = try BundledData.event("e20201022-us-strike")
        #expect(e.killed == CasualtyRange(exactly: 22))
    }

    @Test func singleTollsAndNoTolls() throws {
        #expect(try BundledData.event("e20201027-rebel-shelling").killed == CasualtyRange(exactly: 15))
        #expect(try BundledData.event("e20201027-return-fire").killed == CasualtyRange(exactly: 1))
        #expect(try BundledData.event("e20201028-soldier-killed").killed == CasualtyRange(exactly: 1))
        let evacuation = try BundledData.event("e202010-morek-op-evacuation")
        #expect(evacuation.killed == nil && evacuation.wounded == nil)
    }

    static func claim(_ id: String, _ kind: Claim.Kind = .killed, low: Double?, high: Double? = nil, outlet: String = "X",
                      victims: Claim.Victims = .all, supersedes: String? = nil, qualifier: Claim.Qualifier = .exact) -> Claim {
        Claim(id: id, eventId: "e", outlet: outlet, published: nil, kind: kind, victims: victims, low: low, high: high,
              qualifier: qualifier, supersedes: supersedes)
    }

    @Test func bestIsTheLowestPointFigureNotARangesLowEnd() {
        let claims = [Self.claim("a", low: 30, high: 60), Self.claim("b", low: 40), Self.claim("c", low: 50)]
        #expect(CasualtyRules.range(.killed, in: claims) == CasualtyRange(low: 30, best: 40, high: 60))
    }

    @Test func onlyRangesGiveTheLowestLowAsBest() {
        let claims = [Self.claim("a", low: 30, high: 60), Self.claim("b", low: 35, high: 70)]
        #expect(CasualtyRules.range(.killed, in: claims) == CasualtyRange(low: 30, best: 30, high: 70))
    }

    @Test func openEndedClaimContributesItsFigureToHigh() {
        let claims = [Self.claim("a", low: 10, qualifier: .atLeast), Self.claim("b", low: 12, qualifier: .over)]
        #expect(CasualtyRules.range(.killed, in: claims) == CasualtyRange(low: 10, best: 10, high: 12))
    }

    @Test func supersededClaimIsIgnoredEvenWhenItWasTheLowest() {
        let claims = [Self.claim("a", low: 5), Self.claim("b", low: 9, supersedes: "a")]
        #expect(CasualtyRules.range(.killed, in: claims) == CasualtyRange(exactly: 9))
    }

    @Test func combinedNeverFeedsKilledOrWounded() {
        let claims = [Self.claim("a", .killedAndWounded, low: 200)]
        #expect(CasualtyRules.range(.killed, in: claims) == nil)
        #expect(CasualtyRules.range(.wounded, in: claims) == nil)
        #expect(CasualtyRules.range(.killedAndWounded, in: claims) == CasualtyRange(exactly: 200))
    }

    @Test func wholeEventTollsCompeteWithTheSumOfGroups() {
        let claims = [Self.claim("t", low: 20), Self.claim("m", low: 17, victims: .actor2),
                      Self.claim("c", low: 5, victims: .civilians)]
        #expect(CasualtyRules.range(.killed, in: claims) == CasualtyRange(low: 20, best: 20, high: 22))
    }
}
