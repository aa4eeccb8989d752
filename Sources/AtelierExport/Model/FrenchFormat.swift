import Foundation

/// Numbers and dates written the French way, without Foundation's locale data, so the output is
/// the same on every machine.
public enum FrenchFormat {
    /// Thousands grouped by a narrow no-break space: 1 234 567.
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return value < 0 ? "−" + grouped : grouped
    }

    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// "29–30 janvier 2026", "30 janvier – 2 février 2026", "31 décembre 2025 – 1er janvier 2026",
    /// or a single day. ISO dates (`2026-01-29`); anything else is shown as given.
    public static func dateRange(from start: String, to end: String) -> String {
        guard let first = isoDate(start) else { return end == start || end.isEmpty ? start : "\(start) – \(end)" }
        guard let last = isoDate(end), last != first else { return date(first) }
        if first.year != last.year { return "\(date(first)) – \(date(last))" }
        if first.month != last.month { return "\(day(first.day)) \(months[first.month - 1]) – \(date(last))" }
        return "\(day(first.day))–\(date(last))"
    }

    /// "30 janvier 2026 à 17 h 05 UTC": the moment an export was made.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        let minute = c.minute ?? 0
        return "\(self.date(day)) à \(c.hour ?? 0)\u{A0}h\u{A0}\(minute < 10 ? "0" : "")\(minute) UTC"
    }

    /// ISO 8601 in UTC to the second, as document metadata wants it.
    public static func iso8601(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(String(format: "%04d", c.year ?? 1970))-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }

    struct Day: Equatable {
        var year: Int
        var month: Int
        var day: Int
    }

    static func isoDate(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func date(_ d: Day) -> String { "\(day(d.day)) \(months[d.month - 1]) \(d.year)" }

    /// The first of the month is written 1er.
    private static func day(_ day: Int) -> String { day == 1 ? "1er" : String(day) }
}
