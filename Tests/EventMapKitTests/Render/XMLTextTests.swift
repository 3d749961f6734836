import Testing
@testable import EventMapKit

/// Text in the SVG stays text.
@Suite struct XMLTextTests {
    @Test func hostileNamesAreEscaped() {
        #expect(XMLText.escape("<script>alert(1)</script> & \"x\" 'y'")
                == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &apos;y&apos;")
    }

    @Test func controlCharactersThatXMLForbidsAreDropped() {
        #expect(XMLText.escape("a\u{0}b\u{1B}c\u{FFFE}") == "abc")
        #expect(XMLText.escape("Kafr Takhārīm كفر تخاريم") == "Kafr Takhārīm كفر تخاريم")
    }

    @Test func identifiersAreValidXMLNames() {
        #expect(XMLText.identifier("place-kafr-takharim") == "place-kafr-takharim")
        #expect(XMLText.identifier("<b> x") == "f--b--x")
        #expect(XMLText.identifier("12") == "f-12")
    }

    @Test func pixelsAreRoundedToHundredths() {
        #expect(SVGNumber.px(12.3456) == "12.35")
        #expect(SVGNumber.px(-0.001) == "0")
        #expect(SVGNumber.px(100) == "100")
    }
}
