/// One line of a line diff.
public enum DiffLine: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
}

/// A line diff over the longest common subsequence, as `diff` shows it: removed lines before
/// the added lines that replace them.
///
/// Cost: the common head and tail are skipped in linear time; the middle takes
/// O(n × m) time and memory. Beyond `maximumCells` line pairs the middle is reported as
/// replaced whole, which is still a correct diff, only not the shortest.
public enum LineDiff {
    public static let maximumCells = 4_000_000

    public static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    public static func diff(_ old: String, _ new: String) -> [DiffLine] {
        diff(lines: lines(old), lines(new))
    }

    public static func diff(lines old: [String], _ new: [String]) -> [DiffLine] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        return old[..<head].map(DiffLine.same) + middle(a, b) + old[(old.count - tail)...].map(DiffLine.same)
    }

    static func middle(_ a: [String], _ b: [String]) -> [DiffLine] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maximumCells else {
            return a.map(DiffLine.removed) + b.map(DiffLine.added)
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...], in one flat array.
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result: [DiffLine] = []
        var (i, j) = (0, 0)
        var removed: [DiffLine] = []
        var added: [DiffLine] = []
        func flush() {
            result += removed + added
            removed = []
            added = []
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flush()
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(.removed(a[i]))
                i += 1
            } else {
                added.append(.added(b[j]))
                j += 1
            }
        }
        flush()
        return result
    }
}
