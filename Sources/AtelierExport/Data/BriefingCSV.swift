import AtelierCore
import Foundation
import ZipSupport

/// The briefing's data as CSV files, one table each. Headers are snake_case English, the names
/// the JSON export and the database use (`contribution_id`, `agree`…): one name per idea, and
/// stable for scripts and open-data portals whatever the document's language. Counts are whole
/// numbers and percentages whole percents, so no decimal mark can be misread; times are ISO 8601
/// in UTC.
public enum BriefingCSV {
    public struct File: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]
    }

    /// contributions.csv, votes.csv, proposals.csv and proposal_sources.csv. With `rawVotes`,
    /// votes.csv lists those pseudonymised votes one by one instead of per contribution
    /// (only an admin may ask for that).
    public static func files(_ briefing: Briefing, rawVotes: [PseudonymousVote]? = nil) -> [File] {
        [
            File(name: "contributions.csv", bytes: contributions(briefing)),
            File(name: "votes.csv", bytes: rawVotes.map(votes) ?? votes(briefing)),
            File(name: "proposals.csv", bytes: proposals(briefing)),
            File(name: "proposal_sources.csv", bytes: proposalSources(briefing)),
        ]
    }

    /// The files in one zip, for a single download.
    public static func archive(_ briefing: Briefing, rawVotes: [PseudonymousVote]? = nil) -> [UInt8] {
        var zip = ZipWriter(modified: briefing.generatedAt)
        for file in files(briefing, rawVotes: rawVotes) { zip.add(file.name, file.bytes) }
        return zip.finish()
    }

    /// Every contribution once, in document order: sources of proposals first as they appear,
    /// then those no proposal retained. `proposal_count` 0 marks the unretained.
    public static func contributions(_ briefing: Briefing) -> [UInt8] {
        let header = [
            "contribution_id", "engagement_slug", "workshop_slug", "workshop_title", "title", "body", "author", "created_at",
            "agree", "disagree", "pass", "votes", "proposal_count",
        ]
        let rows = rowsOfContributions(briefing).map { entry in
            let c = entry.contribution
            return [
                id(c.id), entry.engagement.slug, entry.workshop.slug, entry.workshop.title, c.title ?? "", c.body, c.author.display,
                c.createdAt.map(FrenchFormat.iso8601) ?? "",
            ] + tally(c.votes) + [String(entry.proposalCount)]
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    /// The tally of each contribution.
    public static func votes(_ briefing: Briefing) -> [UInt8] {
        let header = ["contribution_id", "workshop_slug", "agree", "disagree", "pass", "votes", "agree_percent"]
        let rows = rowsOfContributions(briefing).map { entry in
            let votes = entry.contribution.votes
            return [id(entry.contribution.id), entry.workshop.slug] + tally(votes) + [percent(votes)]
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    /// One row per vote, its voter a pseudonym.
    public static func votes(_ raw: [PseudonymousVote]) -> [UInt8] {
        let header = ["contribution_id", "voter", "value", "voted_at"]
        let rows = raw.map { [id($0.contributionID), $0.voter, $0.value.rawValue, $0.votedAt.map(FrenchFormat.iso8601) ?? ""] }
        return CSVWriter.write(header: header, rows: rows)
    }

    public static func proposals(_ briefing: Briefing) -> [UInt8] {
        let header = [
            "proposal_id", "number", "engagement_slug", "workshop_slug", "workshop_title", "title", "status", "synthesis",
            "contributions", "organisations", "agree", "disagree", "pass", "votes", "agree_percent", "provenance",
            "opinion_groups", "opinion_agree_percents", "opinion_supported", "opinion",
        ]
        let rows = briefing.numberedProposals.map { entry in
            let p = entry.proposal
            return [
                id(p.id), String(entry.number), entry.engagement.slug, entry.workshop.slug, entry.workshop.title, p.title, p.status,
                p.synthesis, String(p.provenance.contributions), String(p.provenance.organisations),
            ] + tally(p.provenance.votes) + [percent(p.provenance.votes), p.provenance.sentence] + opinion(p.opinion)
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    /// Which contributions each proposal came from, in the lead's order (`position` from 1).
    public static func proposalSources(_ briefing: Briefing) -> [UInt8] {
        let header = ["proposal_id", "proposal_number", "contribution_id", "position"]
        var rows: [[String]] = []
        for entry in briefing.numberedProposals {
            for (index, source) in entry.proposal.sources.enumerated() {
                rows.append([id(entry.proposal.id), String(entry.number), id(source.id), String(index + 1)])
            }
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    private struct ContributionRow {
        var engagement: Briefing.Engagement
        var workshop: Briefing.Workshop
        var contribution: Briefing.Contribution
        var proposalCount: Int
    }

    /// A contribution behind several proposals appears once, with how many retained it.
    private static func rowsOfContributions(_ briefing: Briefing) -> [ContributionRow] {
        var rows: [ContributionRow] = []
        var rowOfID: [UUID: Int] = [:]
        for engagement in briefing.engagements {
            for workshop in engagement.workshops {
                for proposal in workshop.proposals {
                    for source in proposal.sources {
                        if let row = rowOfID[source.id] {
                            rows[row].proposalCount += 1
                        } else {
                            rowOfID[source.id] = rows.count
                            rows.append(ContributionRow(engagement: engagement, workshop: workshop, contribution: source, proposalCount: 1))
                        }
                    }
                }
                for contribution in workshop.unretained where rowOfID[contribution.id] == nil {
                    rowOfID[contribution.id] = rows.count
                    rows.append(ContributionRow(engagement: engagement, workshop: workshop, contribution: contribution, proposalCount: 0))
                }
            }
        }
        return rows
    }

    private static func id(_ uuid: UUID) -> String { uuid.json }

    /// The groups shown, each one's agree percent ("72;35;58", in group order), whether every one
    /// supports the proposal, and the documents' sentence; empty cells without opinion groups.
    private static func opinion(_ opinion: OpinionGroupSupport?) -> [String] {
        guard let opinion else { return ["", "", "", ""] }
        return [
            String(opinion.groups.count), opinion.groups.map { String($0.agreePercent) }.joined(separator: ";"),
            String(opinion.supportedEverywhere), opinion.sentence,
        ]
    }

    private static func tally(_ votes: VoteTally) -> [String] {
        [String(votes.agree), String(votes.disagree), String(votes.pass), String(votes.total)]
    }

    private static func percent(_ votes: VoteTally) -> String {
        Provenance(contributions: 0, organisations: 0, votes: votes).agreePercent.map(String.init) ?? ""
    }
}

/// One vote for the raw export: who cast it is only a pseudonym (see `Pseudonym`).
public struct PseudonymousVote: Sendable, Codable, Equatable {
    public var contributionID: UUID
    public var voter: String
    public var value: VoteValue
    public var votedAt: Date?

    public init(contributionID: UUID, voter: String, value: VoteValue, votedAt: Date? = nil) {
        self.contributionID = contributionID
        self.voter = voter
        self.value = value
        self.votedAt = votedAt
    }
}
