import Foundation
import GeoCore

/// The name index of one gazetteer file: every place's id and the `PlaceName.key` of each of its
/// names, sorted, so that a query is one binary search. It is one flat little-endian buffer, the
/// same in memory and on disk: a large gazetteer keeps it beside its CSV (`GazetteerFile`) and
/// maps it, so a one-shot lookup reads only the pages it needs instead of parsing every row.
///
/// Layout: a header (magic, the CSV's size and modification time, counts, section offsets),
/// then the sections named in `Section`. A posting is (place, name index): name index 0 is the
/// place's name, 1...n its alternate names, n + 1 its id.
struct NameIndex: Sendable {
    static let magic: [UInt8] = Array("EMGZIX04".utf8)
    /// Above this many keys, "did you mean" scans only the keys of places' main names.
    static let fullSuggestionScanLimit = 50_000

    private enum Section: Int, CaseIterable {
        case rowOffsets, rowLines, keyOffsets, postingStart, keyFlags, postPlace, postName, idOrder, idOffsets, keyBlob, idBlob,
             lat, lon, precision, uncertainty, nameOffsets, nameBlob, keyLength, keyWords
    }
    private static let headerSize = 8 + 8 * 5 + 8 * Section.allCases.count

    let buffer: MappedFile
    let placeCount: Int
    let keyCount: Int
    private let sections: [Int]

    /// Reads an index buffer; nil when it is not one (wrong magic or truncated).
    init?(buffer: MappedFile) {
        let b = buffer.bytes
        guard b.count >= Self.headerSize, Array(b[0..<8]) == Self.magic else { return nil }
        self.buffer = buffer
        placeCount = Int(buffer.load(24, as: UInt64.self))
        keyCount = Int(buffer.load(32, as: UInt64.self))
        sections = Section.allCases.map { Int(buffer.load(48 + 8 * $0.rawValue, as: UInt64.self)) }
        guard sections.allSatisfy({ $0 <= b.count }) else { return nil }
    }

    /// The size and modification time of the CSV this index was built from.
    var sourceStamp: (size: UInt64, mtimeNanos: Int64) {
        (buffer.load(8, as: UInt64.self), buffer.load(16, as: Int64.self))
    }

    private func u32(_ s: Section, _ i: Int) -> Int { Int(buffer.load(sections[s.rawValue] + 4 * i, as: UInt32.self)) }

    /// The byte range of place `i`'s row in the CSV.
    func rowRange(_ i: Int) -> Range<Int> {
        let base = sections[Section.rowOffsets.rawValue]
        return Int(buffer.load(base + 8 * i, as: UInt64.self))..<Int(buffer.load(base + 8 * (i + 1), as: UInt64.self))
    }

    /// The line place `i`'s row starts on.
    func rowLine(_ i: Int) -> Int { u32(.rowLines, i) }

    private func keyBytes(_ k: Int) -> UnsafeRawBufferPointer {
        let base = sections[Section.keyBlob.rawValue]
        return UnsafeRawBufferPointer(rebasing: buffer.bytes[(base + u32(.keyOffsets, k))..<(base + u32(.keyOffsets, k + 1))])
    }

    private func idBytes(_ place: Int) -> UnsafeRawBufferPointer {
        let base = sections[Section.idBlob.rawValue]
        return UnsafeRawBufferPointer(rebasing: buffer.bytes[(base + u32(.idOffsets, place))..<(base + u32(.idOffsets, place + 1))])
    }

    /// Place `i` with only what distance jobs need: id, name, position, precision and uncertainty
    /// (kind, names and source left empty). No CSV row is read.
    func pointPlace(_ i: Int) -> Place {
        func double(_ s: Section) -> Double { Double(bitPattern: buffer.load(sections[s.rawValue] + 8 * i, as: UInt64.self)) }
        func text(_ offsets: Section, _ blob: Section) -> String {
            let base = sections[blob.rawValue]
            return String(decoding: buffer.bytes[(base + u32(offsets, i))..<(base + u32(offsets, i + 1))], as: UTF8.self)
        }
        let u = double(.uncertainty)
        return Place(id: text(.idOffsets, .idBlob), name: text(.nameOffsets, .nameBlob), kind: "", position: LonLat(lon: double(.lon), lat: double(.lat)),
                     precision: LocationPrecision(code: Int(buffer.bytes[sections[Section.precision.rawValue] + i])) ?? .exact,
                     statedUncertaintyMetres: u.isNaN ? nil : u, source: "")
    }

    /// The place whose id is exactly `id`.
    func place(id: String) -> Int? {
        var query = Array(id.utf8)
        return query.withUnsafeMutableBytes { q -> Int? in
            let q = UnsafeRawBufferPointer(q)
            guard let at = Self.search(count: placeCount, q, { idBytes(u32(.idOrder, $0)) }) else { return nil }
            return u32(.idOrder, at)
        }
    }

    /// The (place, name index) postings of a key.
    func postings(key: String) -> [(place: Int, name: Int)] {
        var query = Array(key.utf8)
        guard let k = query.withUnsafeMutableBytes({ Self.search(count: keyCount, UnsafeRawBufferPointer($0), keyBytes) }) else { return [] }
        return postings(ofKey: k)
    }

    private func postings(ofKey k: Int) -> [(place: Int, name: Int)] {
        (u32(.postingStart, k)..<u32(.postingStart, k + 1)).map { (u32(.postPlace, $0), u32(.postName, $0)) }
    }

    /// True when some name has this key.
    func contains(key: String) -> Bool {
        var query = Array(key.utf8)
        return query.withUnsafeMutableBytes { Self.search(count: keyCount, UnsafeRawBufferPointer($0), keyBytes) } != nil
    }

    /// Binary search for `q` among `count` sorted byte strings.
    private static func search(count: Int, _ q: UnsafeRawBufferPointer, _ at: (Int) -> UnsafeRawBufferPointer) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = compare(at(mid), q)
            if c == 0 { return mid }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    private static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmp(pa, pb, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// Places whose keys are within `threshold` edits of `query` (or, one edit worse, of a run of
    /// whole words of a longer key), with the score and the length gap, for "did you mean".
    func nearPlaces(_ query: String, threshold: Int) -> [Int: (score: Int, lengthGap: Int)] {
        let q = Array(query.unicodeScalars.map(\.value))
        let qWords = q.split(separator: 0x20).count
        let primaryOnly = keyCount > Self.fullSuggestionScanLimit
        var best: [Int: (score: Int, lengthGap: Int)] = [:]
        var key: [UInt32] = []
        var distance = EditDistance.Buffer()
        let flags = sections[Section.keyFlags.rawValue]
        let lengths = sections[Section.keyLength.rawValue], wordCounts = sections[Section.keyWords.rawValue]
        for k in 0..<keyCount {
            if primaryOnly, buffer.bytes[flags + k] & 1 == 0 { continue }
            // Lengths and word counts (capped at 255) first: most keys are ruled out without decoding.
            let length = Int(buffer.bytes[lengths + k]), wordCount = Int(buffer.bytes[wordCounts + k])
            guard abs(length - q.count) <= threshold || length == 255 || wordCount > qWords else { continue }
            EditDistance.decodeUTF8(keyBytes(k), into: &key)
            let words = key.split(separator: 0x20, omittingEmptySubsequences: true)
            guard abs(key.count - q.count) <= threshold || words.count > qWords else { continue }
            var score = distance.levenshtein(q, key[...], limit: threshold)
            if score > 0, words.count > qWords {
                for start in 0...(words.count - qWords) {
                    let run = key[words[start].startIndex..<words[start + qWords - 1].endIndex]
                    guard abs(run.count - q.count) < threshold else { continue }
                    score = min(score, distance.levenshtein(q, run, limit: threshold) + 1)
                }
            }
            guard score <= threshold else { continue }
            let gap = abs(key.count - q.count)
            for (place, _) in postings(ofKey: k) {
                if let old = best[place], (old.score, old.lengthGap) <= (score, gap) { continue }
                best[place] = (score, gap)
            }
        }
        return best
    }

    /// Builds the index of `places`; `rowOffsets` (one per place plus the end) and `lines` locate
    /// their rows in the CSV (zeros for a gazetteer held in memory).
    static func build(_ places: [Place], rowOffsets: [Int], lines: [Int], stamp: (size: UInt64, mtimeNanos: Int64)) -> [UInt8] {
        struct Entry { var key: [UInt8]; var place: UInt32; var name: UInt32; var primary: Bool }
        var entries: [Entry] = []
        entries.reserveCapacity(places.count * 4)
        for (i, p) in places.enumerated() {
            var seen = Set<String>()
            for (n, name) in ([p.name] + p.alternateNames + [p.id]).enumerated() {
                let k = PlaceName.key(name)
                guard !k.isEmpty else { continue }
                // One posting per key and place: the first name with that key (the main name first).
                if !seen.insert(k).inserted { continue }
                entries.append(Entry(key: Array(k.utf8), place: UInt32(i), name: UInt32(n), primary: n == 0))
            }
        }
        entries.sort { a, b in
            let c = a.key.withUnsafeBytes { x in b.key.withUnsafeBytes { y in compare(x, y) } }
            return c != 0 ? c < 0 : (a.place, a.name) < (b.place, b.name)
        }
        var keyBlob: [UInt8] = [], keyOffsets: [UInt32] = [0], postingStart: [UInt32] = [0], keyFlags: [UInt8] = []
        var keyLength: [UInt8] = [], keyWords: [UInt8] = []
        var postPlace: [UInt32] = [], postName: [UInt32] = []
        for (i, e) in entries.enumerated() {
            if i == 0 || entries[i - 1].key != e.key {
                if i > 0 { keyOffsets.append(UInt32(keyBlob.count)); postingStart.append(UInt32(postPlace.count)) }
                keyBlob += e.key
                keyFlags.append(0)
                let scalars = String(decoding: e.key, as: UTF8.self).unicodeScalars
                keyLength.append(UInt8(min(255, scalars.count)))
                keyWords.append(UInt8(min(255, scalars.filter { $0 == " " }.count + 1)))
            }
            if e.primary { keyFlags[keyFlags.count - 1] |= 1 }
            postPlace.append(e.place)
            postName.append(e.name)
        }
        if !entries.isEmpty { keyOffsets.append(UInt32(keyBlob.count)); postingStart.append(UInt32(postPlace.count)) }
        var idBlob: [UInt8] = [], idOffsets: [UInt32] = [0]
        for p in places { idBlob += Array(p.id.utf8); idOffsets.append(UInt32(idBlob.count)) }
        let idOrder = (0..<places.count).sorted { a, b in
            let c = Array(places[a].id.utf8).withUnsafeBytes { x in Array(places[b].id.utf8).withUnsafeBytes { y in compare(x, y) } }
            return c != 0 ? c < 0 : a < b
        }.map(UInt32.init)

        var out = magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        put(stamp.size); put(stamp.mtimeNanos); put(UInt64(places.count)); put(UInt64(keyFlags.count)); put(UInt64(postPlace.count))
        let sectionTable = out.count
        out += [UInt8](repeating: 0, count: 8 * Section.allCases.count)
        var starts: [Int] = []
        func section(_ body: () -> Void) { starts.append(out.count); body() }
        section { for o in rowOffsets { put(UInt64(o)) } }
        section { for l in lines { put(UInt32(l)) } }
        section { for o in keyOffsets { put(o) } }
        section { for o in postingStart { put(o) } }
        section { out += keyFlags }
        section { for p in postPlace { put(p) } }
        section { for n in postName { put(n) } }
        section { for i in idOrder { put(i) } }
        section { for o in idOffsets { put(o) } }
        section { out += keyBlob }
        section { out += idBlob }
        section { for p in places { put(p.position.lat.bitPattern) } }
        section { for p in places { put(p.position.lon.bitPattern) } }
        section { for p in places { out.append(UInt8(p.precision.code)) } }
        section { for p in places { put((p.statedUncertaintyMetres ?? .nan).bitPattern) } }
        var nameBlob: [UInt8] = []
        section { put(UInt32(0)); for p in places { nameBlob += Array(p.name.utf8); put(UInt32(nameBlob.count)) } }
        section { out += nameBlob }
        section { out += keyLength }
        section { out += keyWords }
        for (i, s) in starts.enumerated() {
            withUnsafeBytes(of: UInt64(s).littleEndian) { b in for j in 0..<8 { out[sectionTable + 8 * i + j] = b[j] } }
        }
        return out
    }
}
