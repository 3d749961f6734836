import GeoCore

/// A place and how far it is from what was asked about.
public struct PlaceDistance: Sendable, Equatable {
    public let place: Place
    /// Geodesic metres (0 inside an area target).
    public let distanceMetres: Double
    /// At the query point towards the place (`nearest`), or at the place towards the target's
    /// nearest point (`within`); nil when they coincide.
    public let azimuthDegrees: Double?
}

/// Nearest and within over the gazetteer's places, exact on WGS 84 geodesics.
///
/// The straight chord between two points is never longer than the geodesic, so places are
/// visited in order of chord distance and the search stops once the chord exceeds the k-th best
/// geodesic distance (nearest) or the radius (within). Only the few places that can matter cost a
/// `geod_inverse`, so a table of millions of places stays cheap per query.
public struct PlaceSearch: Sendable {
    public let places: [Place]
    private let centred: [EarthCentred]

    public init(places: [Place]) {
        self.places = places
        centred = places.map { EarthCentred($0.position) }
    }

    /// The `count` places nearest to `point`, nearest first (ties by id), optionally only of
    /// `kind`, leaving out the place with id `excluding`.
    public func nearest(to point: LonLat, count: Int, kind: String? = nil, excluding: String? = nil) -> [PlaceDistance] {
        guard count > 0 else { return [] }
        let p = EarthCentred(point)
        var order: [(chord: Double, index: Int)] = []
        order.reserveCapacity(places.count)
        for (i, place) in places.enumerated() where (kind == nil || place.kind == kind) && place.id != excluding {
            order.append((p.chord(to: centred[i]), i))
        }
        order.sort { $0.chord < $1.chord }
        var best: [PlaceDistance] = []
        for (chord, i) in order {
            if best.count == count, let worst = best.last, chord > worst.distanceMetres { break }
            let g = Geodesic.inverse(point, places[i].position)
            let found = PlaceDistance(place: places[i], distanceMetres: g.distanceMetres,
                                      azimuthDegrees: g.distanceMetres > 0 ? g.initialAzimuthDegrees : nil)
            let at = best.firstIndex { Self.before(found, $0) } ?? best.count
            if at < count {
                best.insert(found, at: at)
                if best.count > count { best.removeLast() }
            }
        }
        return best
    }

    /// Every place within `metres` of `target` (inclusive), nearest first (ties by id).
    /// For an area target, places inside have distance 0.
    public func within(_ metres: Double, of target: Target, kind: String? = nil) -> [PlaceDistance] {
        var out: [PlaceDistance] = []
        let excluded = target.place?.id
        var centre = EarthCentred(LonLat(lon: 0, lat: 0))
        if case .point(let c) = target { centre = EarthCentred(c.position) }
        for (i, place) in places.enumerated() where (kind == nil || place.kind == kind) && place.id != excluded {
            switch target {
            case .point(let point):
                if centre.chord(to: centred[i]) > metres { continue }  // the chord never exceeds the geodesic
                let g = Geodesic.inverse(place.position, point.position)
                if g.distanceMetres <= metres {
                    out.append(PlaceDistance(place: place, distanceMetres: g.distanceMetres,
                                             azimuthDegrees: g.distanceMetres > 0 ? g.initialAzimuthDegrees : nil))
                }
            case .line(_, _, let index):
                if let n = index.nearest(to: place.position), n.distanceMetres <= metres {
                    out.append(PlaceDistance(place: place, distanceMetres: n.distanceMetres, azimuthDegrees: n.azimuthDegrees))
                }
            case .borders(let set):
                if let n = set.nearest(to: place.position), n.point.distanceMetres <= metres {
                    out.append(PlaceDistance(place: place, distanceMetres: n.point.distanceMetres, azimuthDegrees: n.point.azimuthDegrees))
                }
            case .area(_, _, let area):
                if let d = area.distance(from: place.position), d.distanceMetres <= metres {
                    out.append(PlaceDistance(place: place, distanceMetres: d.distanceMetres,
                                             azimuthDegrees: d.isInside ? nil : d.boundary.azimuthDegrees))
                }
            }
        }
        return out.sorted(by: Self.before)
    }

    static func before(_ a: PlaceDistance, _ b: PlaceDistance) -> Bool {
        a.distanceMetres != b.distanceMetres ? a.distanceMetres < b.distanceMetres : a.place.id < b.place.id
    }
}
