import Foundation
import Testing

@testable import AtelierCore

/// The two real Pol.is conversations of ../shared/data/polis (CC BY 4.0, The Computational
/// Democracy Project): our groups against the ones Pol.is computed. Skipped where the shared
/// folder is absent; the README reports the figures.
@Suite(.enabled(if: PolisConversation.folder != nil, "../shared/data/polis is not there"))
struct OpinionGroupsPolisTests {
    @Test(arguments: ["vtaiwan.uberx", "scoop-hivemind.biodiversity"])
    func groupsAgreeWithPolis(name: String) throws {
        let conversation = try PolisConversation(name)
        let matrix = VoteMatrix(votes: conversation.votes, moderated: conversation.moderated)
        let result = OpinionGroups.compute(matrix)
        // Compared on the participants both sides grouped.
        var ours: [Int] = []
        var theirs: [String] = []
        for (row, id) in matrix.participants.enumerated() {
            guard let group = result.groupOfParticipant[row], let polis = conversation.groupOf[id] else { continue }
            ours.append(group)
            theirs.append(polis)
        }
        let ari = PartitionAgreement.adjustedRand(ours, theirs)
        let nmi = PartitionAgreement.normalisedMutualInformation(ours, theirs)
        let top = result.consensus.prefix(5).map { matrix.contributions[$0.column] }
        print(
            "\(name): \(result.groups.count) groups \(result.groups.map(\.count)) against Pol.is's \(Set(theirs).count), "
                + "\(ours.count) participants compared, ARI \(ari), NMI \(nmi), silhouettes \(result.candidates), consensus \(top)")
        #expect(ari >= 0.8, "ARI \(ari)")
    }
}

/// One conversation's export: the votes in the order they were cast, the moderated-out comments, Pol.is's groups.
struct PolisConversation {
    static let folder: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/data/polis").standardized
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    var votes: [CastVote] = []
    var moderated: Set<String> = []
    /// Pol.is's `group-id`, for the participants it grouped.
    var groupOf: [String: String] = [:]

    init(_ name: String) throws {
        let folder = Self.folder!.appendingPathComponent(name)
        let cast = try Self.table(folder.appendingPathComponent("votes.csv"))
        // Sorted by timestamp, the file's order breaking ties.
        let ordered = cast.rows.enumerated().sorted {
            (Int($0.element[cast["timestamp"]])!, $0.offset) < (Int($1.element[cast["timestamp"]])!, $1.offset)
        }
        votes = ordered.map { _, row in
            CastVote(
                participant: row[cast["voter-id"]], contribution: row[cast["comment-id"]], value: CastVote.Value(rawValue: Int8(row[cast["vote"]])!)!)
        }
        let comments = try Self.table(folder.appendingPathComponent("comments.csv"))
        moderated = Set(comments.rows.filter { $0[comments["moderated"]] == "-1" }.map { $0[comments["comment-id"]] })
        let participants = try Self.table(folder.appendingPathComponent("participants-votes.csv"))
        for row in participants.rows where !row[participants["group-id"]].isEmpty {
            groupOf[row[participants["participant"]]] = row[participants["group-id"]]
        }
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        subscript(column: String) -> Int { header.firstIndex(of: column)! }
    }

    static func table(_ url: URL) throws -> Table {
        let table = try CSVReader.read([UInt8](Data(contentsOf: url)))
        return Table(header: table.header, rows: table.rows)
    }
}
