import GeoCore

/// Geodesic buffers of targets, optionally clipped to a country: the zones the maps draw  and `eventmap buffer` writes.
public enum Zones {
    /// The boundary tolerance used unless asked otherwise, metres.
    public static let defaultToleranceMetres = 1.0

    /// The geodesic buffer of `target` at `radiusMetres`, clipped to `clip` when given.
    /// Makes its own GEOS and PROJ contexts: callable from any task.
    public static func buffer(_ target: Target, radiusMetres: Double, clip: Country? = nil,
                              toleranceMetres: Double = defaultToleranceMetres) throws(AnalysisError) -> BufferResult {
        do {
            return try GeodesicBuffer.around(target.geometry, radiusMetres: radiusMetres, toleranceMetres: toleranceMetres,
                                             clip: clip?.geometry, geos: GEOSContext(), proj: PROJContext())
        } catch let e as BufferError {
            throw .geometry(reason: e.description)
        } catch {
            throw .geometry(reason: "the buffer of \(target.label) failed: \(error)")
        }
    }

    /// The buffer as one GeoJSON feature with its measurements in the properties.
    public static func feature(_ result: BufferResult, target: Target, clip: Country?) -> Feature {
        var props = JSONObject()
        props["name"] = .string("\(JSONWriter.format(result.radiusMetres / 1000, decimals: 3)) km around \(target.label)"
                                + (clip.map { " (\($0.name) side)" } ?? ""))
        props["target"] = .string(target.label)
        if let p = target.place { props["target_id"] = .string(p.id) }
        props["radius_m"] = .number(result.radiusMetres)
        if let clip { props["clip"] = .string(clip.code) }
        props["area_km2"] = .number(result.areaSquareMetres / 1e6)
        props["tolerance_m"] = .number(result.toleranceMetres)
        props["max_deviation_m"] = .number(result.maximumDeviationMetres)
        props["method"] = "WGS 84 geodesic buffer: vertices at the radius by geod_direct from the nearest source point; area by geod_polygonarea"
        if let p = target.place, p.isApproximate {
            props["uncertainty_m"] = .number(p.uncertaintyMetres)
            props["note"] = .string("\(p.name) is placed within \(PrecisionNote.kilometres(p.uncertaintyMetres)) km (where_prec \(p.precision.code)); the zone may be shifted by as much.")
        }
        return Feature(id: "buffer", geometry: result.geometry, properties: props)
    }
}
