import AtelierCore
import Foundation

/// Everything the briefing for the minister shows, as plain values: the documents and data files
/// are functions of it alone. Whoever builds it decides what goes in (published proposals only,
/// one workshop…); the writers leave nothing out.
public struct Briefing: Sendable, Codable, Equatable {
    public var congress: Congress
    public var figures: Figures
    public var engagements: [Engagement]
    /// When the export was made. nil writes no timestamp anywhere (document metadata, zip entries),
    /// so the same data always gives byte-identical files.
    public var generatedAt: Date?

    public init(congress: Congress, figures: Figures, engagements: [Engagement], generatedAt: Date? = nil) {
        self.congress = congress
        self.figures = figures
        self.engagements = engagements
        self.generatedAt = generatedAt
    }

    /// The congress in numbers, for the cover: the same figures the database counts.
    public typealias Figures = CongressFigures

    /// One of the association's commitments, with the workshops that worked on it.
    public struct Engagement: Sendable, Codable, Equatable {
        public var id: UUID
        public var slug: String
        public var title: String
        public var summary: String
        public var workshops: [Workshop]

        public init(id: UUID, slug: String, title: String, summary: String, workshops: [Workshop]) {
            self.id = id
            self.slug = slug
            self.title = title
            self.summary = summary
            self.workshops = workshops
        }
    }

    public struct Workshop: Sendable, Codable, Equatable {
        public var id: UUID
        public var slug: String
        public var title: String
        public var description: String
        public var proposals: [Proposal]
        /// The contributions no proposal retained: listed in the annex, so nothing is silently dropped.
        public var unretained: [Contribution]

        public init(id: UUID, slug: String, title: String, description: String, proposals: [Proposal], unretained: [Contribution]) {
            self.id = id
            self.slug = slug
            self.title = title
            self.description = description
            self.proposals = proposals
            self.unretained = unretained
        }
    }

    public struct Proposal: Sendable, Codable, Equatable {
        public var id: UUID
        public var title: String
        /// Markdown (the subset `MarkdownParser` reads).
        public var synthesis: String
        /// As the proposals store names it; anything but `published` is flagged in the documents.
        public var status: String
        public var provenance: Provenance
        /// The contributions it was built from, in the order the lead gave.
        public var sources: [Contribution]
        /// How each opinion group of its workshop voted on its sources: published proposals only.
        public var opinion: OpinionGroupSupport?

        public init(
            id: UUID, title: String, synthesis: String, status: String, provenance: Provenance, sources: [Contribution],
            opinion: OpinionGroupSupport? = nil
        ) {
            self.id = id
            self.title = title
            self.synthesis = synthesis
            self.status = status
            self.provenance = provenance
            self.sources = sources
            self.opinion = opinion
        }

        public var isPublished: Bool { status == "published" }
    }

    public struct Contribution: Sendable, Codable, Equatable {
        public var id: UUID
        public var title: String?
        public var body: String
        public var author: Author
        public var votes: VoteTally
        public var createdAt: Date?

        public init(id: UUID, title: String?, body: String, author: Author, votes: VoteTally, createdAt: Date? = nil) {
            self.id = id
            self.title = title
            self.body = body
            self.author = author
            self.votes = votes
            self.createdAt = createdAt
        }
    }

    /// Who a contribution is shown as. A name is only ever stored for a participant who agreed to
    /// be named, so no writer can print one by mistake.
    public enum Author: Sendable, Codable, Equatable {
        case named(name: String, organisation: String?)
        case organisation(String)
        case anonymous

        /// The name if the participant consented, else their organisation, else anonymous (`Byline`).
        public init(name: String, named: Bool, organisation: String?) {
            let byline = Byline(name: name, named: named, organisation: organisation)
            switch (byline.name, byline.organisation) {
            case (let name?, let organisation): self = .named(name: name, organisation: organisation)
            case (nil, let organisation?): self = .organisation(organisation)
            case (nil, nil): self = .anonymous
            }
        }

        /// "Jeanne Martin, Ville de Nérac (47)", "Ville de Nérac (47)" or "anonyme".
        public var display: String {
            switch self {
            case .named(let name, let organisation?): "\(name), \(organisation)"
            case .named(let name, nil): name
            case .organisation(let organisation): organisation
            case .anonymous: "anonyme"
            }
        }

        /// The collectivité, when the participant gave one.
        public var organisation: String? {
            switch self {
            case .named(_, let organisation): organisation
            case .organisation(let organisation): organisation
            case .anonymous: nil
            }
        }
    }
}

extension Briefing.Author {
    private enum CodingKeys: String, CodingKey {
        case name
        case organisation
    }

    /// `{"name", "organisation"}`, `{"organisation"}` or `{}`: a name is present exactly when the
    /// participant consented to it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
        if let name = try container.decodeIfPresent(String.self, forKey: .name) {
            self = .named(name: name, organisation: organisation)
        } else {
            self = organisation.map { .organisation($0) } ?? .anonymous
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if case .named(let name, _) = self { try container.encode(name, forKey: .name) }
        try container.encodeIfPresent(organisation, forKey: .organisation)
    }
}

extension Briefing {
    /// Every proposal in document order, numbered from 1 as the documents number them.
    public var numberedProposals: [(number: Int, engagement: Engagement, workshop: Workshop, proposal: Proposal)] {
        var result: [(number: Int, engagement: Engagement, workshop: Workshop, proposal: Proposal)] = []
        for engagement in engagements {
            for workshop in engagement.workshops {
                for proposal in workshop.proposals { result.append((result.count + 1, engagement, workshop, proposal)) }
            }
        }
        return result
    }
}
