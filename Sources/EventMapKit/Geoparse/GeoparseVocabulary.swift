/// The words geoparsing treats specially: demonyms (never mapped as places, but they tell which
/// countries a text is about), the head words of organisation names, titles before people's
/// names, English words that are also place names somewhere, and Arabic proclitics.
enum GeoparseVocabulary {
    /// English demonyms and adjectives of countries → ISO 3166-1 alpha-2.
    static let englishDemonyms: [String: String] = [
        "syrian": "SY", "syrians": "SY", "turkish": "TR", "turk": "TR", "turks": "TR", "russian": "RU", "russians": "RU",
        "iranian": "IR", "iraqi": "IQ", "lebanese": "LB", "libyan": "LY", "jordanian": "JO", "israeli": "IL",
        "american": "US", "americans": "US", "kurdish": "", "arab": "", "arabs": "", "islamic": "", "islamist": "",
        "azerbaijani": "AZ", "armenian": "AM", "egyptian": "EG", "saudi": "SA", "qatari": "QA", "emirati": "AE",
        "french": "FR", "british": "GB", "german": "DE", "ukrainian": "UA", "afghan": "AF", "pakistani": "PK",
        "yemeni": "YE", "palestinian": "PS",
    ]

    /// Arabic demonyms (with and without the article, masculine and feminine) → country code.
    static let arabicDemonyms: [String: String] = {
        let stems: [(String, String)] = [("سوري", "SY"), ("تركي", "TR"), ("روسي", "RU"), ("ايراني", "IR"), ("عراقي", "IQ"),
                                         ("لبناني", "LB"), ("ليبي", "LY"), ("اردني", "JO"), ("امريكي", "US"), ("اميركي", "US"),
                                         ("كردي", ""), ("عربي", ""), ("اسلامي", "")]
        var out: [String: String] = [:]
        for (stem, cc) in stems {
            for form in [stem, stem + "ه", stem + "ين", stem + "ون"] {
                out[form] = cc
                out[ArabicNormalization.article + form] = cc
            }
        }
        return out
    }()

    /// Words that head an organisation's name: a capitalised run holding one is an organisation.
    static let organisationHeads: Set<String> = [
        "observatory", "ministry", "army", "forces", "force", "council", "front", "organisation", "organization", "committee",
        "agency", "party", "corps", "brigade", "brigades", "union", "coalition", "network", "institute", "university",
        "group", "legion", "movement", "command", "government", "news", "press", "office", "authority", "commission",
        "federation", "league", "association", "foundation", "centre", "center", "department", "division", "battalion",
        "regiment", "militia", "shield", "times", "post", "jazeera", "arabiya", "tribune", "herald", "journal", "reuters", "tahrir", "faylaq", "hayat", "hay’at", "hay'at", "liwa", "jaysh", "harakat",
    ]

    /// Arabic words that head an organisation's name; the words after them (to the next
    /// preposition or punctuation) belong to it.
    static let arabicOrganisationHeads: Set<String> = [
        "المرصد", "وزاره", "قوات", "جيش", "الجيش", "هيئه", "مجلس", "وكاله", "جبهه", "حزب", "فيلق", "منظمه", "لجنه",
        "اتحاد", "تحالف", "حركه", "كتائب", "لواء", "الحكومه", "حكومه", "مرصد",
    ]

    /// Arabic prepositions and conjunctions that end an organisation's name.
    static let arabicStops: Set<String> = ["في", "من", "على", "الى", "عن", "مع", "قرب", "بين", "و", "او", "ان", "الذي", "التي", "بعد", "منذ"]

    /// Titles before a person's name: the capitalised words after them are the name.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "colonel", "col", "captain", "lieutenant",
        "commander", "spokesman", "spokeswoman", "spokesperson", "director", "envoy", "ambassador", "king", "prince",
        "emir", "sheikh", "imam", "pope", "senator", "secretary", "chief", "leader", "official",
    ]

    /// Arabic titles before a person's name.
    static let arabicTitles: Set<String> = ["الرئيس", "الوزير", "العقيد", "العميد", "اللواء", "مدير", "المتحدث", "الناطق", "السيد", "القائد", "الشيخ"]

    /// English words that begin sentences or headings and are also names of places somewhere
    /// (GeoNames has towns called Date, Target, Officially...): a single such word is not a place.
    static let englishCommonWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "of", "to", "for", "from", "by", "with", "and", "or", "but", "as", "if", "it",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "this", "that", "these", "those", "there",
        "here", "when", "while", "after", "before", "since", "during", "according", "sources", "source", "officially",
        "target", "date", "part", "casualties", "director", "speculations", "speculation", "dozens", "at least", "one",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "wikipedia", "from wikipedia", "executed", "also", "however",
        "meanwhile", "even", "some", "many", "most", "all", "no", "not", "what", "who", "which", "where", "why", "how",
        "official", "officials", "media", "region", "province", "city", "town", "village", "camp", "border", "north",
        "south", "east", "west", "central", "free", "encyclopedia", "edit", "strike", "strikes", "attack", "army", "air",
        "force", "home", "truce", "state", "union", "national", "liberation", "shield", "legion", "observatory", "human",
        "rights", "president", "minister", "government", "regime", "council", "ceasefire", "said", "told",
        "he added", "added", "reported", "news", "agency", "press", "report", "reports", "people", "civilians", "fighters",
        "soldiers", "rebels", "forces", "front", "euphrates", "special", "middle", "institute", "based", "world",
        "see", "new", "share", "under", "agreement", "deadly", "retrieved", "archived", "original", "references",
    ]

    /// Country names in English and Arabic → ISO alpha-2: context for ambiguous names, listed
    /// apart from the places (a gazetteer of towns has no point for a country).
    static let countryNames: [String: String] = [
        "syria": "SY", "turkey": "TR", "turkiye": "TR", "russia": "RU", "iran": "IR", "iraq": "IQ", "lebanon": "LB",
        "libya": "LY", "jordan": "JO", "israel": "IL", "azerbaijan": "AZ", "armenia": "AM", "egypt": "EG",
        "united states": "US", "u s": "US", "ukraine": "UA",
        "سوريا": "SY", "سوريه": "SY", "تركيا": "TR", "روسيا": "RU", "ايران": "IR", "العراق": "IQ", "لبنان": "LB",
        "ليبيا": "LY", "الاردن": "JO", "اذربيجان": "AZ",
    ]

    /// Arabic function words that are also alternate names of places somewhere (كان "was" is Caen).
    static let arabicCommonWords: Set<String> = [
        "كان", "كانت", "التي", "الذي", "هذا", "هذه", "بعد", "قبل", "عند", "حيث", "كل", "بين", "منذ", "حتى", "ضد", "عبر",
        "مع", "في", "من", "على", "الى", "عن", "او", "ثم", "قد", "لقد", "ان", "انه", "غير", "خلال", "نحو", "حول",
    ]

    /// One-letter Arabic proclitics (and, with, to, so, like) and their pairs, longest first.
    static let arabicProclitics = ["وب", "ول", "وك", "فب", "فل", "و", "ب", "ل", "ف", "ك"]

    /// Arabic words of a distance phrase.
    static let arabicUnits: [String: String] = [
        "كم": "km", "كلم": "km", "كيلومتر": "km", "كيلومترات": "km", "كيلومترا": "km", "كيلو": "km",
        "متر": "m", "مترا": "m", "امتار": "m",
    ]
}
