import ArgumentParser
import AtelierCore
import Foundation

/// `atelier opinion-groups`: opinion groups from a file of votes, with no database. Automated
/// checks call it, so its options and its JSON are a contract (issue 13).
struct OpinionGroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opinion-groups",
        abstract: "Find the opinion groups of a room from its votes, what each stands for, and what all agree on.",
        discussion: """
            Reads a UTF-8 CSV file with the header participant,contribution,vote; votes are 1 (agree), -1 (disagree) \
            or 0 (pass), rows in the order the votes were cast, and the last row for a pair counts. --moderated names \
            a CSV file with a column contribution: those contributions are moderated out (their columns are zeroed, \
            never shown). Prints one JSON object: {"groups":[{"id","size","participants"}],"representative":{"<group id>":[ids]}, \
            "consensus":[ids, best first],"k","silhouettes","statements","positions",...}; ids are strings as in the files.
            """)

    @Option(help: "The votes: participant,contribution,vote, in the order cast.") var votes: String
    @Option(help: "Contributions moderated out: a CSV file with a column contribution.") var moderated: String?
    @Option(help: "json (one object on one line), the only format.") var format = OutputFormat.json
    @Option(help: "The seed of the power iteration's start.") var seed: UInt64 = OpinionGroups.Options().seed
    @Flag(help: "Print the time spent building the matrix and computing the groups (file reading excluded) to standard error.")
    var timing = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    func run() throws {
        do {
            let cast = try readVotes()
            let moderated = try readModerated()
            let start = ContinuousClock.now
            let matrix = VoteMatrix(votes: cast, moderated: moderated)
            let built = ContinuousClock.now
            var options = OpinionGroups.Options()
            options.seed = seed
            let result = OpinionGroups.compute(matrix, options: options)
            if timing {
                let milliseconds = { (duration: Duration) in
                    String(format: "%.2f", duration / .milliseconds(1))
                }
                printError(
                    "atelier opinion-groups: \(matrix.participants.count) × \(matrix.contributions.count), \(cast.count) votes: "
                        + "matrix \(milliseconds(built - start)) ms, groups \(milliseconds(.now - built)) ms")
            }
            let report = OpinionGroupsReport(matrix, result)
            let encoder = JSONEncoder()
            // Sorted keys make the output byte-for-byte reproducible; no slash escaping keeps ids as written.
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } catch let failure as CommandFailure {
            printError("atelier opinion-groups: \(failure.message)")
            throw ExitCode.failure
        }
    }

    private func readVotes() throws(CommandFailure) -> [CastVote] {
        let table = try CSVDocuments.table(votes)
        let participant = try CSVDocuments.column("participant", option: "--votes", in: table.header, input: votes)
        let contribution = try CSVDocuments.column("contribution", option: "--votes", in: table.header, input: votes)
        let vote = try CSVDocuments.column("vote", option: "--votes", in: table.header, input: votes)
        guard !table.rows.isEmpty else { throw CommandFailure("\(votes): the file has a header but no rows") }
        var cast: [CastVote] = []
        cast.reserveCapacity(table.rows.count)
        for (offset, fields) in table.rows.enumerated() {
            // Spreadsheet numbering: the header is row 1.
            let row = offset + 2
            let written = fields[vote].trimmingCharacters(in: .whitespaces)
            guard let number = Int8(written), let value = CastVote.Value(rawValue: number) else {
                throw CommandFailure("\(votes): row \(row) (the header is row 1): the vote \"\(fields[vote])\" is not 1, -1 or 0")
            }
            for column in [participant, contribution] where fields[column].unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw CommandFailure("\(votes): row \(row) (the header is row 1) has an empty \(table.header[column])")
            }
            cast.append(CastVote(participant: fields[participant], contribution: fields[contribution], value: value))
        }
        return cast
    }

    private func readModerated() throws(CommandFailure) -> Set<String> {
        guard let moderated else { return [] }
        let table = try CSVDocuments.table(moderated)
        let contribution = try CSVDocuments.column("contribution", option: "--moderated", in: table.header, input: moderated)
        return Set(table.rows.map { $0[contribution] })
    }
}

/// The command's JSON: ids as written in the file, groups numbered from "0", statements never moderated out.
struct OpinionGroupsReport: Encodable {
    struct Room: Encodable {
        var participants: Int
        var grouped: Int
        var contributions: Int
        var moderated: Int
    }

    struct Group: Encodable {
        var id: String
        var size: Int
        var participants: [String]
        var representative: [Representative]
    }

    struct Representative: Encodable {
        var contribution: String
        var direction: RepresentativeStatements.Direction
        /// The share (pa or pd), the ratio against the other groups (ra or rd), and their tests.
        var share: Double
        var shareTest: Double
        var ratio: Double
        var ratioTest: Double
    }

    struct Candidate: Encodable {
        var k: Int
        var silhouette: Double
    }

    struct Statement: Encodable {
        var contribution: String
        /// The group-informed consensus: the product over groups of (agrees + 1) / (votes + 2).
        var consensus: Double
        var groups: [GroupShares]
    }

    struct GroupShares: Encodable {
        var group: String
        var agree: Int
        var disagree: Int
        var pass: Int
        var votes: Int
        /// agree / votes; absent when the group did not vote on it.
        var agreeShare: Double?
    }

    var room: Room
    var k: Int
    var silhouettes: [Candidate]
    var groups: [Group]
    var representative: [String: [String]]
    var consensus: [String]
    /// Every contribution not moderated out, in consensus order.
    var statements: [Statement]
    /// Each participant's point on the two-dimensional map.
    var positions: [String: [Double]]

    init(_ matrix: VoteMatrix, _ result: OpinionGroups.Result) {
        let contributions = matrix.contributions
        room = Room(
            participants: matrix.participants.count, grouped: result.counted.count { $0 }, contributions: contributions.count,
            moderated: matrix.isModerated.count { $0 })
        k = result.groups.count
        silhouettes = result.candidates.map { Candidate(k: $0.groups, silhouette: $0.silhouette) }
        groups = result.groups.enumerated().map { group, members in
            Group(
                id: String(group), size: members.count, participants: members.map { matrix.participants[$0] },
                representative: result.representatives[group].map { repness in
                    let agree = repness.direction == .agree
                    return Representative(
                        contribution: contributions[repness.column], direction: repness.direction,
                        share: agree ? repness.agreeShare : repness.disagreeShare,
                        shareTest: agree ? repness.agreeShareTest : repness.disagreeShareTest,
                        ratio: agree ? repness.agreeRatio : repness.disagreeRatio,
                        ratioTest: agree ? repness.agreeRatioTest : repness.disagreeRatioTest)
                })
        }
        representative = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.representative.map(\.contribution)) })
        consensus = result.consensus.map { contributions[$0.column] }
        statements = result.consensus.map { statement in
            Statement(
                contribution: contributions[statement.column], consensus: statement.score,
                groups: result.tallies.enumerated().map { group, tallies in
                    let tally = tallies[statement.column]
                    return GroupShares(
                        group: String(group), agree: tally.agree, disagree: tally.disagree, pass: tally.pass, votes: tally.votes,
                        agreeShare: tally.votes > 0 ? Double(tally.agree) / Double(tally.votes) : nil)
                })
        }
        positions = Dictionary(
            uniqueKeysWithValues: zip(matrix.participants, result.map.positions).map { ($0, [$1.x, $1.y]) })
    }
}
