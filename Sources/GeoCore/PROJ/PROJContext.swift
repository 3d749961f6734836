import CPROJ

/// One PROJ context (`proj_context_create`) and a cache of the transformers made in it
/// (creating one costs about a millisecond).
/// Not Sendable: a context and its PJ objects belong to one task at a time.
public final class PROJContext {
    let handle: PROJContextHandle
    private var transformers: [String: Transformer] = [:]

    public init() throws(PROJError) {
        handle = try PROJContextHandle()
    }

    /// A transformer from `source` to `target` (any PROJ string, EPSG code or WKT), longitude
    /// first on both sides, cached per pair.
    public func transformer(from source: String, to target: String) throws(PROJError) -> Transformer {
        let key = source + "\u{1}" + target
        if let t = transformers[key] { return t }
        let t = try Transformer(from: source, to: target, in: handle)
        transformers[key] = t
        return t
    }

    /// A transformer from WGS 84 longitude, latitude to `target`.
    public func transformer(toProjected target: String) throws(PROJError) -> Transformer {
        try transformer(from: "EPSG:4326", to: target)
    }
}

/// Owns the `PJ_CONTEXT` and its last logged error. Shared by the context and its transformers
/// (which outlive a dropped context safely); destroyed after the last of them, exactly once.
final class PROJContextHandle {
    let pointer: OpaquePointer
    private let log: LogBox

    /// Holds the last error message logged by PROJ; passed to `proj_log_func` as app data.
    final class LogBox {
        var last: String?
    }

    init() throws(PROJError) {
        guard let ctx = proj_context_create() else {
            throw PROJError(operation: "proj_context_create", message: "could not create a context")
        }
        pointer = ctx
        log = LogBox()
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(log).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            Unmanaged<LogBox>.fromOpaque(appData).takeUnretainedValue().last = String(cString: message)
        }
    }

    deinit {
        proj_context_destroy(pointer)
    }

    /// The error for `operation`: PROJ's logged message, else its errno text, then cleared.
    func error(_ operation: String, errno: Int32 = 0) -> PROJError {
        defer { log.last = nil }
        var message = log.last
        let code = errno != 0 ? errno : proj_context_errno(pointer)
        if message == nil, code != 0, let text = proj_context_errno_string(pointer, code) {
            message = String(cString: text)
        }
        return PROJError(operation: operation, message: message ?? "no message from PROJ")
    }
}
