import CGEOS

/// One GEOS context (`GEOS_init_r`) and the last error message it reported.
/// Not Sendable: a context and every geometry made in it belong to one task at a time.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Holds the last error text; passed to GEOS as the handler's `userdata`.
    final class MessageBox {
        var last: String?
    }

    public init() {
        handle = GEOS_init_r()
        messages = MessageBox()
        let userdata = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
        }, userdata)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// An error for `function`, carrying GEOS's last message (then cleared).
    func error(_ function: String, fallback: String = "no message from GEOS") -> GEOSError {
        defer { messages.last = nil }
        return GEOSError(function: function, message: messages.last ?? fallback)
    }

    /// Checks a pointer result: NULL means failure.
    func check<T>(_ result: T?, _ function: String) throws(GEOSError) -> T {
        guard let result else { throw error(function) }
        return result
    }

    /// Checks a predicate result: 0 false, 1 true, 2 exception.
    func checkPredicate(_ result: CChar, _ function: String) throws(GEOSError) -> Bool {
        switch result {
        case 0: return false
        case 1: return true
        default: throw error(function)
        }
    }

    /// Checks an int status: 0 means failure (GEOSDistance_r and friends).
    func checkStatus(_ result: Int32, _ function: String) throws(GEOSError) {
        if result == 0 { throw error(function) }
    }
}
