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
/// Point queries go through the one nearest-place index (`NearestPlaceIndex`, also the batch
/// job's): a tree over the places' earth-centred positions prunes by chord (never longer than the
/// geodesic), so only the places that can matter cost a `geod_inverse`, and a table of millions of
/// places stays cheap per query.
public struct PlaceSearch: Sendable {
    public let places: [Place]
    private let index: NearestPlaceIndex

    public init(places: [Place]) {
        self.places = places
        index = NearestPlaceIndex(positions: places.map(\.position))
    }

    /// The `count` places nearest to `point`, nearest first (ties by id), optionally only of
    /// `kind`, leaving out the place with id `excluding`.
    public func nearest(to point: LonLat, count: Int, kind: String? = nil, excluding: String? = nil) -> [PlaceDistance] {
        guard count > 0 else { return [] }
        let hits = index.search(around: point, count: count) { i in (kind == nil || places[i].kind == kind) && places[i].id != excluding }
        return Array(hits.map { distance(point, $0) }.sorted(by: Self.before).prefix(count))
    }

    /// A hit as a place with the azimuth from `point` towards it.
    private func distance(_ point: LonLat, _ h: NearestPlaceIndex.Hit) -> PlaceDistance {
        let g = Geodesic.inverse(point, places[h.index].position)
        return PlaceDistance(place: places[h.index], distanceMetres: g.distanceMetres,
                             azimuthDegrees: g.distanceMetres > 0 ? g.initialAzimuthDegrees : nil)
    }

    /// Every place within `metres` of `target` (inclusive), nearest first (ties by id).
    /// For an area target, places inside have distance 0.
    public func within(_ metres: Double, of target: Target, kind: String? = nil) -> [PlaceDistance] {
        var out: [PlaceDistance] = []
        let excluded = target.place?.id
        if case .point(let point) = target {
            let hits = index.search(around: point.position, within: metres) { i in (kind == nil || places[i].kind == kind) && places[i].id != excluded }
            return hits.map { h in
                // The azimuth at the place towards the target, as for lines and areas.
                let g = Geodesic.inverse(places[h.index].position, point.position)
                return PlaceDistance(place: places[h.index], distanceMetres: g.distanceMetres,
                                     azimuthDegrees: g.distanceMetres > 0 ? g.initialAzimuthDegrees : nil)
            }.sorted(by: Self.before)
        }
        for place in places where (kind == nil || place.kind == kind) && place.id != excluded {
            switch target {
            case .point: break
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
