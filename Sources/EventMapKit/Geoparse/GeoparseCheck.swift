import GeoCore

/// A distance stated in a text held against the geometry with `check`'s rules
/// (`ClaimTolerance`, `ClaimChecker.judge`).
public struct DistanceCheck: Sendable {
    /// Index into `GeoparseResult.distances`.
    public let distance: Int
    public let subject: Place?
    /// The border or the reference place's name.
    public let referenceLabel: String
    /// Nil when the claim cannot be measured (no place before it, or nothing to measure to).
    public let computedMetres: Double?
    public let uncertaintyMetres: Double
    public let admitted: ClaimTolerance
    public let verdict: Verdict
    public let reason: String
}

extension GeoparseResult {
    /// Every distance claim checked: from its place to the border (`distanceToBorder`, whose
    /// line is `borderCountries`, e.g. ["SY", "TR"]) or to the place it names.
    public func check(borderName: String, borderCountries: Set<String>,
                      distanceToBorder: (LonLat) throws -> Double) rethrows -> [DistanceCheck] {
        try distances.indices.map { i throws -> DistanceCheck in
            let d = distances[i]
            let admitted = ClaimTolerance(qualifier: d.qualifier, valueMetres: d.metres)
            let wording = d.qualifierWord ?? d.qualifier.words
            func unknown(_ label: String, _ why: String, subject: Place? = nil) -> DistanceCheck {
                DistanceCheck(distance: i, subject: subject, referenceLabel: label, computedMetres: nil, uncertaintyMetres: 0,
                              admitted: admitted, verdict: .cannotTell, reason: why)
            }
            guard let from = d.from else { return unknown("-", "no place is named before the figure in its sentence: nothing to measure from") }
            let subject = mentions[from].place
            if d.toBorder {
                if let cc = d.borderCountry, !borderCountries.contains(cc) {
                    return unknown("border (\(cc))", "the border loaded is \(borderName); the text speaks of a border of \(cc)", subject: subject)
                }
                let computed = try distanceToBorder(subject.position)
                let uncertainty = LocationUncertainty.combined([subject])
                let (verdict, reason) = ClaimChecker.judge(computed: computed, uncertainty: uncertainty, admitted: admitted,
                                                           wording: wording, subject: subject)
                return DistanceCheck(distance: i, subject: subject, referenceLabel: borderName, computedMetres: computed,
                                     uncertaintyMetres: uncertainty, admitted: admitted, verdict: verdict, reason: reason)
            }
            guard let to = d.toMention else { return unknown("-", "the text does not say what the distance is measured to", subject: subject) }
            let other = mentions[to].place
            let computed = Geodesic.distance(subject.position, other.position)
            let uncertainty = LocationUncertainty.combined([subject, other])
            let circular = subject.source.hasPrefix("anchor:\(other.id)")
                ? "\(subject.id) has no coordinate of its own: it is pinned at \(other.name)'s (source \(subject.source))" : nil
            let (verdict, reason) = ClaimChecker.judge(computed: computed, uncertainty: uncertainty, admitted: admitted,
                                                       circular: circular, wording: wording, subject: subject)
            return DistanceCheck(distance: i, subject: subject, referenceLabel: other.name, computedMetres: computed,
                                 uncertaintyMetres: uncertainty, admitted: admitted, verdict: verdict, reason: reason)
        }
    }
}
