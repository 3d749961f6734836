import EventMapKit
import Testing

@Suite struct CalendarDayTests {
    /// 1970-01-01 was a Thursday; weekday index 0 = Monday.
    static func weekday(_ d: CalendarDay) -> Int { ((d.dayNumber % 7) + 7 + 3) % 7 }

    /// The US strike's date rests on this: the AFP report's "Monday" is 26 Oct 2020 and the
    /// Thursday before it is 22 Oct 2020 (checked against `cal 10 2020`).
    @Test func weekdaysOfTheSeedDates() throws {
        let monday = try #require(CalendarDay(parsing: "2020-10-26"))
        #expect(Self.weekday(monday) == 0)
        let thursday = try #require(CalendarDay(parsing: "2020-10-22"))
        #expect(Self.weekday(thursday) == 3)
        #expect(monday.adding(days: -4) == thursday)
    }

    @Test(arguments: ["2020-10-26", "26 October 2020", "26-October-2020", "26 Oct 2020", "2020-10-26 00:00:00.000"])
    func acceptedSpellings(_ text: String) {
        #expect(CalendarDay(parsing: text)?.description == "2020-10-26")
    }

    @Test(arguments: ["2020-13-01", "2020-02-30", "26/10/2020", "yesterday", "", "2020-1-5"])
    func rejected(_ text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(dayNumber: n).dayNumber == n)
        }
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.dayNumber == 11017)  // `date -d 2000-03-01 +%s` / 86400
    }
}
