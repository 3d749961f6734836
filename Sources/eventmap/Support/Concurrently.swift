import Dispatch
import Synchronization

/// Independent set-up steps run at once on the cores (a command's set-up is otherwise serial
/// while the other core idles); each result or error is kept, and the first error by position wins.
enum Concurrently {
    static func run<A: Sendable, B: Sendable, C: Sendable>(_ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B,
                                                           _ c: @Sendable () throws -> C) throws -> (A, B, C) {
        let first = Mutex<Result<A, any Error>?>(nil), second = Mutex<Result<B, any Error>?>(nil), third = Mutex<Result<C, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 3) { k in
            switch k {
            case 0: let r = Result { try a() }; first.withLock { $0 = r }
            case 1: let r = Result { try b() }; second.withLock { $0 = r }
            default: let r = Result { try c() }; third.withLock { $0 = r }
            }
        }
        return (try first.withLock { $0! }.get(), try second.withLock { $0! }.get(), try third.withLock { $0! }.get())
    }
}
