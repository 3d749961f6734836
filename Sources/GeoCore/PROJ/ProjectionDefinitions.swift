/// PROJ definitions for the metric frames the geodesy and the maps use.
public enum ProjectionDefinition {
    /// Azimuthal equidistant centred on `centre`: distances and azimuths from the centre are true.
    public static func azimuthalEquidistant(centre: LonLat) -> String {
        "+proj=aeqd +lat_0=\(centre.lat) +lon_0=\(centre.lon) +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
    }

    /// Transverse Mercator centred on `centre`, scale 1 on the central meridian: the default for maps.
    public static func transverseMercator(centre: LonLat) -> String {
        "+proj=tmerc +lat_0=\(centre.lat) +lon_0=\(centre.lon) +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
    }

    /// The EPSG code of the WGS 84 UTM zone holding `p` (e.g. EPSG:32637 for 37N).
    public static func utmZone(containing p: LonLat) -> String {
        let zone = min(60, max(1, Int(((p.lon + 180) / 6).rounded(.down)) + 1))
        return "EPSG:\(p.lat >= 0 ? 32600 + zone : 32700 + zone)"
    }
}
