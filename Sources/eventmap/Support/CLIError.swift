/// An error for a person at a terminal: one sentence, no stack trace. ArgumentParser prints
/// it as "Error: ..." and exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
