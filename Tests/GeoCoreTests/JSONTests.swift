import Testing
@testable import GeoCore

@Suite struct JSONTests {
    @Test func parsesAndKeepsKeyOrder() throws {
        let v = try JSONParser.parse(#"{"z": 1, "a": [true, null, -2.5e1], "m": "é\u00e9\n"}"#)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
        #expect(v.objectValue?["a"] == .array([.bool(true), .null, .number(-25)]))
        #expect(v.objectValue?["m"] == .string("éé\n"))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": tru\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test func writerFormatsNumbersStably() {
        #expect(JSONWriter.format(1.0, decimals: 6) == "1")
        #expect(JSONWriter.format(-0.0000001, decimals: 6) == "0")
        #expect(JSONWriter.format(23265.0619561, decimals: 3) == "23265.062")
        #expect(JSONWriter.format(.nan, decimals: 3) == "null")
        let text = JSONWriter(pretty: false).string(["b": 1, "a": "x\"y"])
        #expect(text == #"{"b":1,"a":"x\"y"}"#)
    }
}
