import CPROJ
import Foundation

/// A point's distance to a border piece from its cell's centre, with no `geod_inverse` per point:
/// the cell solves once, per piece on first need, the geodesic from its centre c to a point x of
/// the piece near c's foot (the anchor), and every point p of the cell is then measured by
/// comparison with the spheres of `SphereComparison`, in three steps:
/// 1. the hinge at c (sides |cp| and |cx|, the angle between the directions to p and to x)
///    brackets |px|;
/// 2. the triangle c, p, x (its three sides now known) brackets the angle at x between the
///    directions to c and to p, so the angle θ between the line and the geodesic from p;
/// 3. `HingeBracket` at x brackets the piece's distance from p.
/// Each step's uncertainty is carried into the next by bounds of its derivatives; a point whose
/// bracket is wider than `anchorToleranceMetres` is refined exactly as before.
extension GeodesicPolyline {
    /// The numbers an anchor keeps: the arc of x along its edge; |cx|; sin and cos of θ at x for
    /// c; the unit tangent u at c towards x and w = u × n (n the normal at c), earth-centred.
    static let anchorValueCount = 10

    /// How far an anchored distance may be from the piece's exact distance, at most: metres.
    static let anchorToleranceMetres = 0.0004

    /// Points farther from their cell's centre than this are refined exactly (metres): cells are
    /// a few kilometres wide.
    static let anchorReachMetres = 10_000.0

    /// Solves the anchor of `piece` (its edge's `line`) for the cell centred at `c` into `values`,
    /// with one `geod_inverse`: x is the point of the piece at the chord's foot from c. Any point
    /// of the line would do (the comparisons hold for any); one near c's foot keeps the steps
    /// from x short, and a sparse cell pays one inverse per piece its points need.
    static func solveAnchor(_ pc: Piece, _ line: UnsafePointer<GeodesicLine>, centre c: LonLat, chord qc: EarthCentred,
                            normal nc: EarthCentred, into values: UnsafeMutablePointer<Double>) -> Bool {
        guard pc.endMetres > pc.startMetres else { return false }
        let t = segmentDistance(qc, pc.a, pc.ab, pc.inverseLength2).t
        let s = pc.startMetres + (pc.endMetres - pc.startMetres) * t
        let (x, lineAzimuth) = GeodesicLine.positionAndAzimuth(of: line, atMetres: s)
        let g = Geodesic.inverse(c, x)
        guard g.distanceMetres > 1, g.distanceMetres <= SphereComparison.reachMetres else { return false }
        var sine = 0.0, cosine = 0.0
        eventmap_sincos((g.finalAzimuthDegrees - lineAzimuth) * .pi / 180, &sine, &cosine)
        // The tangent towards x at c, from the azimuth and the normal (east and north there).
        var sa = 0.0, ca = 0.0
        eventmap_sincos(g.initialAzimuthDegrees * .pi / 180, &sa, &ca)
        let axis = (nc.x * nc.x + nc.y * nc.y).squareRoot()
        guard axis > 1e-9 else { return false }  // at a pole: no east
        let east = EarthCentred(x: -nc.y / axis, y: nc.x / axis, z: 0)
        let north = EarthCentred(x: -nc.z * nc.x / axis, y: -nc.z * nc.y / axis, z: axis)
        let u = east * sa + north * ca
        let w = u.cross(nc)
        for (k, v) in [s, g.distanceMetres, sine, cosine, u.x, u.y, u.z, w.x, w.y, w.z].enumerated() { values[k] = v }
        return true
    }

    /// The piece's distance from p (earth-centred q) by its anchor in p's cell, or nil when the
    /// bracket is wider than `anchorToleranceMetres` (or p lies too near or too far from the centre).
    @inline(__always)
    static func anchored(_ pc: Piece, index: Int, _ q: EarthCentred,
                         anchor a: UnsafePointer<Double>, chord qc: EarthCentred, normal nc: EarthCentred) -> Refined? {
        let sa = a[0], da = a[1], sinC = a[2], cosC = a[3]
        let u = EarthCentred(x: a[4], y: a[5], z: a[6]), w = EarthCentred(x: a[7], y: a[8], z: a[9])
        let rs = SphereComparison.roundest, rf = SphereComparison.flattest
        // 1. |cp|: the chord c, at most (2/κ)·asin(κc/2) ≤ c + 1.01·κ²c³/24 along the geodesic
        // (Schur); the direction of p at c: the chord's horizontal part, within κ²r²/6 radian of
        // the geodesic's (see `measure`).
        let v = q - qc
        let c2 = v.dot(v)
        guard c2 > 1e-6, c2 <= anchorReachMetres * anchorReachMetres else { return nil }
        let r = c2.squareRoot()
        let k = EarthCentred.maximumCurvature
        let rExtra = 1.01 * k * k * r * r * r / 24 + 1e-9
        let hu = v.dot(u), hw = v.dot(w)  // the horizontal part of v along u and w (the normal's part drops out)
        let hh = (hu * hu + hw * hw).squareRoot()
        guard hh > 0 else { return nil }
        let cosPsi = hu / hh, sinPsi = hw / hh
        let dPsi = k * k * (r + rExtra) * (r + rExtra) / 6
        // hav of the hinge angle |ψ| at c, and how far the direction's error can move it.
        let havPsi = cosPsi > 0 ? sinPsi * sinPsi / (2 * (1 + cosPsi)) : (1 - cosPsi) / 2
        let havSlack = sinPsi.magnitude * dPsi / 2 + dPsi * dPsi / 4
        let eLow = SphereComparison.hingeSide(radius: rs, r, da, haversineOfAngle: max(0, havPsi - havSlack)) - rExtra - 1e-8
        let eHigh = SphereComparison.hingeSide(radius: rf, r, da, haversineOfAngle: min(1, havPsi + havSlack)) + rExtra + 1e-8
        let e = (eLow + eHigh) / 2, eHalf = (eHigh - eLow) / 2
        // 2. The angle ε at x between the directions to c and to p (opposite the side |cp|): at
        // least the flattest sphere's, at most the roundest's; |cx|'s and |px|'s uncertainties
        // move it by at most eHalf/(|cx|·|sin ψ|) (plane's law of sines, 10% spare) and by at most
        // sqrt(2·r·eHalf/(|cx|·|px|)) (its haversine's change).
        guard let hLow = SphereComparison.haversineOfAngle(radius: rf, opposite: r, da, e),
              let hHigh = SphereComparison.haversineOfAngle(radius: rs, opposite: r + rExtra, da, e) else { return nil }
        // One angle of the bracket, by its haversine (any between hLow and hHigh is one): its
        // sine and cosine need no trigonometry. The bracket's width in angle: ε = 2·asin √h moves
        // by at most 2·√Δh/cos(ε/2), and by at most Δh/√(h(1 − h)) (its derivative) from √h ≥ √hLow.
        let hMid = (hLow + hHigh) / 2
        let dh = hHigh - hLow
        let cosHalfMax = (1 - hHigh).squareRoot()
        guard cosHalfMax > 0.5 else { return nil }
        let spread = min(2 * dh.squareRoot(), hLow > 0 ? dh / hLow.squareRoot() : .infinity) / cosHalfMax
        let fromE = 1.1 * min(sinPsi.magnitude > 0 ? eHalf / (da * sinPsi.magnitude) : .infinity, (2 * (r + rExtra) * eHalf / (da * e)).squareRoot())
        let epsHalf = spread + fromE + 1e-12
        // θ for p: p to the right of c→x (sin ψ > 0) turns the direction away from p at x
        // anticlockwise: θ = θc − ε.
        let sinMid = 2 * (hMid * (1 - hMid)).squareRoot(), cosEps = 1 - 2 * hMid
        let sinEps = sinPsi >= 0 ? -sinMid : sinMid
        let sinT = sinC * cosEps + cosC * sinEps, cosT = cosC * cosEps - sinC * sinEps
        // 3. The piece from x, its ends at arcs start − sa and end − sa. The answer moves by at
        // most 1 per metre of |px| and by at most |foot|·δ + |px|·δ²/2 for δ radian of θ.
        guard let h = HingeBracket(distance: e, sine: sinT, cosine: cosT, from: pc.startMetres - sa, to: pc.endMetres - sa) else { return nil }
        let lever = 1.02 * h.along.magnitude + e * epsHalf + 1e-3
        let half = h.width / 2 + eHalf + lever * epsHalf + e * epsHalf * epsHalf / 2
        guard half <= anchorToleranceMetres else { return nil }
        let s = sa + h.along
        // The point is placed by `nearestHit` if this piece is the nearest (nan until then).
        let point = s == pc.startMetres ? pc.start : (s == pc.endMetres ? pc.end : LonLat(lon: .nan, lat: .nan))
        return Refined(distance: h.estimate, point: point, piece: index, s: s)
    }
}
