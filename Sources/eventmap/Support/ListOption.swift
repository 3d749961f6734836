import Foundation

/// Options that take a list: "SY,TR" and repeated options as one upper-case list (country codes,
/// GeoNames feature classes).
enum ListOption {
    static func upperCased(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
    }
}
