import GeoCore

/// What `check` concludes about one claim with geometry.
public enum Verdict: String, Sendable {
    case consistent
    case inconsistent
    case cannotTell = "cannot tell"
}

/// One claim held against the geometry: the computed distance, its uncertainty from the places'
/// precision, the distances the wording admits, and the verdict with its reason.
public struct ClaimCheck: Sendable {
    public let claim: Claim
    public let subject: Place
    /// The border, or the reference place's name.
    public let referenceLabel: String
    public let computedMetres: Double
    /// ± this much: the subject's uncertainty radius (plus the reference place's, for a place).
    public let uncertaintyMetres: Double
    public let admitted: ClaimTolerance
    public let verdict: Verdict
    public let reason: String

    /// The distances the geometry allows: computed ± uncertainty, never below zero.
    public var lowMetres: Double { max(0, computedMetres - uncertaintyMetres) }
    public var highMetres: Double { computedMetres + uncertaintyMetres }
}

/// Holds distance and location claims against the gazetteer and the border. The distance to
/// the border is passed in, so that the verdict logic is tested on its own and the real border
/// (EventMapKit/Analysis) is wired by the caller.
public struct ClaimChecker {
    public let gazetteer: Gazetteer
    /// Geodesic distance in metres from a point to the border a claim means (the nearest land
    /// border), and that border's name.
    public let distanceToBorder: (LonLat) throws -> (metres: Double, label: String)

    public init(gazetteer: Gazetteer, distanceToBorder: @escaping (LonLat) throws -> (metres: Double, label: String)) {
        self.gazetteer = gazetteer
        self.distanceToBorder = distanceToBorder
    }

    /// Every distance and location claim of the events, in order.
    public func checkAll(_ events: [Event]) throws -> [ClaimCheck] {
        try events.flatMap(\.claims).compactMap { try check($0) }
    }

    /// The check of one claim, or nil when the claim has no geometry (a casualty toll).
    public func check(_ claim: Claim) throws -> ClaimCheck? {
        guard claim.kind == .distance || claim.kind == .location,
              let pid = claim.placeId, let subject = gazetteer.place(id: pid), let ref = claim.reference else { return nil }
        let computed: Double, uncertainty: Double, label: String
        var circular: String?
        if ref == "border" {
            (computed, label) = try distanceToBorder(subject.position)
            uncertainty = LocationUncertainty.combined([subject])
        } else {
            guard let other = gazetteer.place(id: ref) else { return nil }
            computed = Geodesic.distance(subject.position, other.position)
            uncertainty = LocationUncertainty.combined([subject, other])
            label = other.name
            if subject.source.hasPrefix("anchor:\(other.id)") {
                circular = "\(subject.id) has no coordinate of its own: it is pinned at \(other.name)'s (source \(subject.source)), so the distance says nothing about the claim"
            }
        }
        let admitted = ClaimTolerance(qualifier: claim.qualifier, valueMetres: claim.distanceMetres)
        let (verdict, reason) = Self.judge(computed: computed, uncertainty: uncertainty, admitted: admitted, circular: circular,
                                           wording: claim.kind == .location && claim.low == nil ? "near" : claim.qualifier.words,
                                           subject: subject)
        return ClaimCheck(claim: claim, subject: subject, referenceLabel: label, computedMetres: computed,
                          uncertaintyMetres: uncertainty, admitted: admitted, verdict: verdict, reason: reason)
    }

    /// consistent: every distance the geometry allows is admitted by the wording; inconsistent:
    /// none is; cannot tell: some are, or the geometry is not independent of the claim.
    public static func judge(computed: Double, uncertainty: Double, admitted: ClaimTolerance, circular: String? = nil,
                             wording: String, subject: Place? = nil) -> (Verdict, String) {
        let lo = max(0, computed - uncertainty), hi = computed + uncertainty
        func km(_ m: Double) -> String { Claim.format((m / 10).rounded() / 100) + " km" }
        let span = uncertainty > 0 ? "\(km(lo))-\(km(hi))" : km(computed)
        if let circular { return (.cannotTell, circular) }
        let placed = subject.map { $0.isApproximate ? " (\($0.name) is placed only within \(km($0.uncertaintyMetres)))" : "" } ?? ""
        let loIn = admitted.contains(lo), hiIn = admitted.contains(hi)
        if loIn && hiIn {
            return (.consistent, "the geometry allows \(span)\(placed), all within what '\(wording)' admits (\(admitted))")
        }
        let belowAll = admitted.upperMetres.map { lo > $0 || (admitted.upperOpen && lo >= $0) } ?? false
        let aboveNone = admitted.lowerOpen ? hi <= admitted.lowerMetres : hi < admitted.lowerMetres
        if belowAll || aboveNone {
            return (.inconsistent, "the geometry allows \(span)\(placed), none of it within what '\(wording)' admits (\(admitted))")
        }
        let central = admitted.contains(computed) ? "the computed \(km(computed)) itself is admitted" : "the computed \(km(computed)) itself is not admitted"
        return (.cannotTell, "the geometry allows \(span)\(placed): part of it lies within what '\(wording)' admits (\(admitted)) and part outside; \(central)")
    }
}
