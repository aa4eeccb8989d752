import Foundation

/// Dates and numbers as French readers write them.
enum FrenchFormat {
    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// `2026-01-29` and `2026-01-30` → "29 et 30 janvier 2026"; other spans in full.
    static func days(from start: String, to end: String) -> String {
        guard let first = parts(start), let last = parts(end) else { return start == end ? start : "\(start) – \(end)" }
        if first == last { return "\(day(first.day)) \(months[first.month - 1]) \(first.year)" }
        if first.year == last.year, first.month == last.month {
            let joiner = last.day == first.day + 1 ? "et" : "au"
            return "\(day(first.day)) \(joiner) \(last.day) \(months[last.month - 1]) \(last.year)"
        }
        return "du \(day(first.day)) \(months[first.month - 1]) \(first.year) au \(last.day) \(months[last.month - 1]) \(last.year)"
    }

    /// "1 234": French groups digits with a narrow no-break space.
    static func number(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// "1 vote", "3 votes": French puts 0 and 1 in the singular.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(number(value)) \(abs(value) <= 1 ? singular : plural)"
    }

    private static func day(_ value: Int) -> String { value == 1 ? "1er" : String(value) }

    private static func parts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let fields = iso.split(separator: "-").compactMap { Int($0) }
        guard fields.count == 3, (1...12).contains(fields[1]) else { return nil }
        return (fields[0], fields[1], fields[2])
    }
}
