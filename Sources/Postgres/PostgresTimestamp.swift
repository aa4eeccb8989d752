import Foundation

/// Timestamps in the ISO text form the wrapper asks every session to use (`DateStyle=ISO`,
/// `TimeZone=UTC`). Parsed by hand: Foundation's formatters are slow and locale-sensitive.
enum PostgresTimestamp {
    /// Reads `2026-01-29 10:00:00.123456+00`, `2026-01-29 10:00:00+05:30`, `2026-01-29`,
    /// and a timestamp without zone, taken as UTC.
    static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if scanner.skip(" ") || scanner.skip("T") {
            guard let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
                let second = scanner.number(2)
            else { return nil }
            seconds += Double(hour * 3600 + minute * 60 + second)
            if scanner.skip(".") {
                let start = scanner.index
                guard let fraction = scanner.number(nil) else { return nil }
                seconds += Double(fraction) / pow(10, Double(scanner.index - start))
            }
            if let sign = scanner.sign() {
                guard let offsetHours = scanner.number(2) else { return nil }
                var offset = offsetHours * 3600
                if scanner.skip(":") {
                    guard let offsetMinutes = scanner.number(2) else { return nil }
                    offset += offsetMinutes * 60
                    if scanner.skip(":"), let offsetSeconds = scanner.number(2) { offset += offsetSeconds }
                }
                seconds -= Double(sign * offset)
            }
        }
        guard scanner.atEnd else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats in UTC with microseconds, PostgreSQL's own precision.
    static func format(_ date: Date) -> String {
        if date == .distantFuture { return "infinity" }
        if date == .distantPast { return "-infinity" }
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 {
            rest += 86_400_000_000
            days -= 1
        }
        let (year, month, day) = civilFromDays(Int(days))
        let secondsOfDay = Int(rest / 1_000_000)
        let fraction = Int(rest % 1_000_000)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondsOfDay / 3600, 2)):"
            + "\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2)).\(pad(fraction, 6))+00"
    }

    /// Howard Hinnant's days-from-civil: proleptic Gregorian, day 0 is 1970-01-01.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// Reads exactly `count` digits, or as many as there are when `count` is nil.
    mutating func number(_ count: Int?) -> Int? {
        var value = 0
        var read = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, count.map({ read < $0 }) ?? true {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            read += 1
        }
        if let count { return read == count ? value : nil }
        return read > 0 ? value : nil
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
