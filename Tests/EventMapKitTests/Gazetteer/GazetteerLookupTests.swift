import EventMapKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// Resolving names: the spellings of the research notes against the bundled table, the rules
/// alone against a table without alternate names, typos and their suggestions, ambiguity.
@Suite struct GazetteerLookupTests {
    /// The bundled table, read once; a reading error fails each test that uses it (no trap).
    static let loaded = Result<Gazetteer, any Error> {
        let path = Paths.geodata("places.csv")
        return try GazetteerCSV.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }
    static var bundled: Gazetteer { get throws { try loaded.get() } }

    /// A table with primary names only: whatever resolves here resolves through the rules.
    static let bare = Gazetteer(places: [
        Place(id: "kafr-takharim", name: "Kafr Takharim", kind: "town", position: LonLat(lon: 36.51522, lat: 36.1168), source: "geonames:168629"),
        Place(id: "idlib", name: "Idlib", kind: "city", position: LonLat(lon: 36.63393, lat: 35.93062), source: "geonames:169389"),
        Place(id: "morek", name: "Morek", kind: "town", position: LonLat(lon: 36.6897, lat: 35.37615), source: "geonames:166640"),
        Place(id: "harim", name: "Harim", kind: "town", position: LonLat(lon: 36.52078, lat: 36.21176), source: "geonames:169866"),
    ])

    @Test(arguments: [
        // Kafr Takharim: Latin variants, Arabic with and without tashkeel.
        ("Kafr Takharim", "kafr-takharim"), ("Kafr Takhārīm", "kafr-takharim"), ("Kafar Takharim", "kafr-takharim"),
        ("Kafar Takhareem", "kafr-takharim"), ("Kfar Takharam", "kafr-takharim"), ("Kafer Takharim", "kafr-takharim"),
        ("Kafr Taharim", "kafr-takharim"), ("kafr-takharim", "kafr-takharim"),
        ("كفر تخاريم", "kafr-takharim"), ("كَفْر تَخَارِيم", "kafr-takharim"),
        // Idlib, Morek, Harim, Aleppo.
        ("Idlib", "idlib"), ("Idleb", "idlib"), ("Edlib", "idlib"), ("İdlib", "idlib"), ("إدلب", "idlib"), ("ادلب", "idlib"),
        ("Morek", "morek"), ("Murak", "morek"), ("Mourek", "morek"), ("Mork", "morek"), ("Mūrak", "morek"), ("مورك", "morek"),
        ("Harim", "harim"), ("Harem", "harim"), ("حارم", "harim"),
        ("Aleppo", "aleppo"), ("Halab", "aleppo"), ("Ḩalab", "aleppo"), ("Haleb", "aleppo"), ("حلب", "aleppo"), ("حَلَب", "aleppo"),
        // Other places of the reports.
        ("Jabal al-Duwayla", "jabal-al-duwayla-camp"), ("Jebel Dweila", "jabal-al-duwayla-camp"), ("جبل الدويلة", "jabal-al-duwayla-camp"),
        ("Jisr ash-Shughur", "jisr-al-shughur"), ("Ma'arrat an-Nu'man", "maarrat-al-numan"), ("Maarat al-Numan", "maarrat-al-numan"),
        ("Qalaat al-Madiq", "qalat-al-madiq"), ("Hamah", "hama"), ("حماه", "hama"), ("Lattakia", "latakia"),
        ("Reyhanlı", "reyhanli"), ("Antioch", "antakya"), ("Sarakib", "saraqib"),
        // The observation points by their spellings.
        ("Salwa", "op01-salwa"), ("Salwah", "op01-salwa"), ("صلوة", "op01-salwa"),
        ("Sheikh Aqil", "op03-sheikh-aqil"), ("Shaykh Aqil", "op03-sheikh-aqil"),
        ("Surman", "op06-surman"), ("al-Sirman", "op06-surman"), ("الصرمان", "op06-surman"),
        ("Jabal Anadan", "op07-anadan"), ("Zaytuna", "op08-zaytuna"), ("Zeytunah", "op08-zaytuna"),
        ("Tell Sawwan", "op09-morek"), ("Morek observation point", "op09-morek"),
        ("al-Rashideen", "op10-rashidin"), ("Shir Mughar", "op11-sher-mughar"), ("Sheir Maghar", "op11-sher-mughar"),
        ("Jabal Ishtabraq", "op12-ishtabraq"), ("op12-ishtabraq", "op12-ishtabraq"),
    ])
    func bundledSpellingsResolve(_ query: String, _ id: String) throws {
        #expect(try Self.bundled.lookup(query).id == id)
    }

    @Test(arguments: [
        ("Kafar Takhareem", "kafr-takharim"), ("Kfar Takharim", "kafr-takharim"), ("KAFER-TAKHĀRĪM", "kafr-takharim"),
        ("Idleb", "idlib"), ("Edlib", "idlib"), ("Murak", "morek"), ("Mourek", "morek"), ("Harem", "harim"),
    ])
    func theRulesAloneResolveVariants(_ query: String, _ id: String) throws {
        let match = try Self.bare.lookupMatch(query)
        #expect(match.place.id == id)
        #expect(match.quality == .ruleName)
    }

    @Test func arabicNeedsAStoredArabicName() {
        // The rules never transliterate between scripts: without a stored Arabic name there is no match.
        #expect(throws: PlaceLookupError.self) { try Self.bare.lookup("كفر تخاريم") }
    }

    @Test(arguments: [
        ("Kafr Takharm", "kafr-takharim"),
        ("Kafr Takarim", "kafr-takharim"),
        ("Takharim", "kafr-takharim"),
        ("Idlb", "idlib"),
        ("Moreck", "morek"),
        ("Aleplo", "aleppo"),
        ("Saraqin", "saraqib"),
        ("Jisr al-Shughr", "jisr-al-shughur"),
        ("كفر تخريم", "kafr-takharim"),
    ])
    func typosFailWithTheRightSuggestionFirst(_ typo: String, _ id: String) throws {
        let g = try Self.bundled
        let expectedName = try #require(g.place(id: id)).name
        do {
            _ = try g.lookup(typo)
            Issue.record("'\(typo)' resolved: a typo must not be guessed")
        } catch {
            guard case .unknown(let q, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(q == typo)
            #expect(suggestions.first?.id == id, "\(typo) → \(suggestions.map(\.id))")
            #expect(error.description.contains("Did you mean: \(expectedName) (\(id))"))
        }
    }

    @Test func nonsenseGetsNoSuggestion() throws {
        #expect(try Self.bundled.suggestions(for: "xyz").isEmpty)
        #expect(try Self.bundled.suggestions(for: "").isEmpty)
    }

    @Test func suggestionsAreRankedBySimilarity() throws {
        let s = try Self.bundled.suggestions(for: "Kafr Takharm", limit: 3).map(\.id)
        #expect(s.first == "kafr-takharim")
        // One edit beats two: "Harm" is one edit from Harim.
        #expect(try Self.bundled.suggestions(for: "Harm").first?.id == "harim")
    }

    // Ambiguity: two places answering to one spelling.
    static let twoSalwas = Gazetteer(places: [
        Place(id: "salwa-village", name: "Salwa", kind: "village", position: LonLat(lon: 36.69, lat: 36.31), admin1: "Idlib", source: "test"),
        Place(id: "op01-salwa", name: "Salwa observation point", alternateNames: ["Salwa", "Salwah"], kind: "observation-point",
              position: LonLat(lon: 36.68639, lat: 36.31111), admin1: "Idlib", source: "test"),
        Place(id: "harim", name: "Harim", kind: "town", position: LonLat(lon: 36.52078, lat: 36.21176), source: "test"),
        Place(id: "harem-2", name: "Harem", kind: "village", position: LonLat(lon: 36.0, lat: 35.0), source: "test"),
    ])

    @Test func aSharedNameIsAmbiguousAndListsTheCandidatesBestFirst() {
        do {
            _ = try Self.twoSalwas.lookup("Salwa")
            Issue.record("'Salwa' should be ambiguous")
        } catch {
            guard case .ambiguous(_, let candidates) = error else { Issue.record("\(error)"); return }
            // The place named Salwa comes before the one with Salwa as an alternate name.
            #expect(candidates.map(\.id) == ["salwa-village", "op01-salwa"])
            #expect(error.description.contains("'Salwa' names 2 places: salwa-village (Salwa, village, Idlib); op01-salwa"))
            #expect(error.description.hasSuffix("Give one of these ids instead."))
        }
        // Salwah is spelled as stored for the post only, but the rules also meet the village: still ambiguous.
        #expect(throws: PlaceLookupError.self) { try Self.twoSalwas.lookup("Selwa") }
        // An id always settles it.
        #expect(try! Self.twoSalwas.lookup("op01-salwa").id == "op01-salwa")
    }

    @Test func anExactStoredSpellingWinsOverARuleMatch() throws {
        // Harim and Harem share a key, but each is typed exactly as stored: no ambiguity.
        #expect(try Self.twoSalwas.lookup("Harem").id == "harem-2")
        #expect(try Self.twoSalwas.lookup("harim").id == "harim")
        #expect(try Self.twoSalwas.lookup("Salwah").id == "op01-salwa")
        // A third spelling meets both only through the rules: ambiguous.
        #expect(throws: PlaceLookupError.self) { try Self.twoSalwas.lookup("Hareem") }
    }

    @Test func pointQueriesTakeNamesIdsAndCoordinates() throws {
        let g = try Self.bundled
        #expect(try g.resolvePoint("كفر تخاريم").place?.id == "kafr-takharim")
        #expect(try g.resolvePoint("36.1,36.5").place == nil)
        #expect(throws: PlaceLookupError.self) { try g.resolvePoint("36.1,236.5") }
    }
}
