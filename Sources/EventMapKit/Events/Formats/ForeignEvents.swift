/// Reads an ACLED export or a UCDP GED CSV, recognised by its header.
public enum ForeignEvents {
    /// The format a header belongs to: ACLED has `event_id_cnty`, UCDP GED has `where_prec`
    /// and `date_prec`.
    public static func detect(header: [String]) -> EventFormat? {
        let h = Set(header.map { $0.trimmingSpaces.lowercased() })
        if h.contains("event_id_cnty") { return .acled }
        if h.contains("where_prec") || h.contains("date_prec") || h.contains("relid") { return .ucdp }
        return nil
    }

    public static func read(_ text: String, file: String, skipBad: Bool = false) throws(EventDataError) -> EventLoad {
        // Read once; the required columns are checked when the header has told the format.
        let t = try CSVTable(text: text, file: file, required: [])
        guard let format = detect(header: t.header) else {
            throw .badFile(file: file, reason: "the header is neither an ACLED export (event_id_cnty, ...) nor UCDP GED (where_prec, date_prec, ...)")
        }
        var skipped: [EventDataError] = []
        switch format {
        case .acled:
            try t.check(required: ACLEDFormat.required)
            return EventLoad(events: try ACLEDFormat.read(t, skipBad: skipBad, skipped: &skipped), skipped: skipped)
        case .ucdp:
            try t.check(required: UCDPFormat.required)
            return EventLoad(events: try UCDPFormat.read(t, skipBad: skipBad, skipped: &skipped), skipped: skipped)
        }
    }

    /// The events as `format`'s CSV.
    /// `isoNumeric`: ISO numeric codes by country name (the world data's), for ACLED's `iso`.
    public static func write(_ events: [Event], as format: EventFormat, isoNumeric: [String: String] = [:]) -> String {
        switch format {
        case .acled: ACLEDFormat.write(events, isoNumeric: isoNumeric)
        case .ucdp: UCDPFormat.write(events)
        }
    }
}
