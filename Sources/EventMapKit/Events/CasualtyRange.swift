/// A casualty figure as analysts keep it: the lowest and highest credible figures and a best estimate.
public struct CasualtyRange: Sendable, Equatable, CustomStringConvertible {
    public let low: Double
    public let best: Double
    public let high: Double

    public init(low: Double, best: Double, high: Double) {
        self.low = low
        self.best = best
        self.high = high
    }

    /// One figure: low, best and high all equal to it.
    public init(exactly v: Double) { self.init(low: v, best: v, high: v) }

    /// "78-105 (best 79)", or "15" when all three agree.
    public var description: String {
        low == high ? Claim.format(best) : "\(Claim.format(low))-\(Claim.format(high)) (best \(Claim.format(best)))"
    }

    public static func + (a: CasualtyRange, b: CasualtyRange) -> CasualtyRange {
        CasualtyRange(low: a.low + b.low, best: a.best + b.best, high: a.high + b.high)
    }
}

/// The rules that turn an event's casualty claims into ranges. They are code so that a
/// changed or added report changes the ranges, and so that the rules are tested.
///
/// 1. Only final claims count: a claim that a later claim of the same outlet supersedes (a
///    provisional toll) is kept and shown, but sets nothing.
/// 2. Only claims with a figure count; "a large number" is kept and shown, but sets nothing.
/// 3. Each kind stands alone: killed, wounded and killed-and-wounded. A combined
///    killed-and-wounded toll is never split and never sets the killed or wounded range.
/// 4. `low` is the lowest figure any final claim states (the low end of a stated range);
///    `high` the highest (the high end of a range; an open-ended "at least 78" or "over 90"
///    contributes its figure, since no one states more). Figures are taken as stated:
///    "over 90" counts as 90, "about 200" as 200.
/// 5. `best` follows ACLED's conservative practice: the lowest final point figure, i.e. a single
///    number an outlet gives as its own count ("79", "at least 78"); unless no outlet gives a
///    point figure, in which case the low end of the ranges. A range such as Wikipedia's
///    "78-105" collects other outlets' figures (its low end is often a toll since superseded),
///    so it widens `low`/`high` but does not pick `best`. A dataset's own stated best
///    (UCDP's `best`) counts as its point figure.
/// 6. Tolls of different victim groups (actor1, actor2, civilians, unknown) add up: "17
///    militants and at least 5 civilians" is 22. When an event also has whole-event tolls,
///    the sum of the groups is one more candidate beside them.
public enum CasualtyRules {
    /// The claims that a later claim of the same event supersedes.
    public static func supersededIds(in claims: [Claim]) -> Set<String> {
        Set(claims.compactMap(\.supersedes))
    }

    /// The final claims of `kind` that carry a figure: the ones that set ranges.
    public static func finalClaims(_ kind: Claim.Kind, in claims: [Claim]) -> [Claim] {
        let superseded = supersededIds(in: claims)
        return claims.filter { $0.kind == kind && $0.low != nil && !superseded.contains($0.id) }
    }

    /// The range of `kind` (killed, wounded or killed_and_wounded) the claims support, or nil
    /// when no final claim gives a figure.
    public static func range(_ kind: Claim.Kind, in claims: [Claim]) -> CasualtyRange? {
        precondition(kind.isCasualty, "ranges are for casualty claims")
        let final = finalClaims(kind, in: claims)
        let totals = final.filter { $0.victims == .all }
        var groupSum: CasualtyRange?
        for group in Claim.Victims.allCases where group != .all {
            guard let r = spread(final.filter { $0.victims == group }) else { continue }
            groupSum = groupSum.map { $0 + r } ?? r
        }
        guard let whole = spread(totals) else { return groupSum }
        guard let groupSum else { return whole }
        return CasualtyRange(low: min(whole.low, groupSum.low), best: min(whole.best, groupSum.best),
                             high: max(whole.high, groupSum.high))
    }

    /// Rules 4 and 5 over alternative claims of one group.
    static func spread(_ claims: [Claim]) -> CasualtyRange? {
        let lows = claims.compactMap(\.low)
        guard let low = lows.min() else { return nil }
        let high = claims.compactMap { $0.high ?? $0.low }.max() ?? low
        let points = claims.compactMap { c -> Double? in
            if let b = c.best { return b }
            guard let l = c.low, c.high == nil || c.high == l else { return nil }
            return l
        }
        return CasualtyRange(low: low, best: points.min() ?? low, high: high)
    }
}
