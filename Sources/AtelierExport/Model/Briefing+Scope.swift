extension Briefing {
    /// The briefing for `--workshop` and `--status`: one workshop only (and its engagement), and/or
    /// published proposals only. A contribution that only a left-out draft retained moves to its
    /// workshop's unretained contributions, so the annex still lists every contribution.
    /// The cover's figures are left as they were: they describe the congress.
    public func restricted(toWorkshop slug: String? = nil, publishedOnly: Bool = false) -> Briefing {
        var result = self
        result.engagements = engagements.compactMap { engagement in
            var engagement = engagement
            engagement.workshops = engagement.workshops.filter { slug == nil || $0.slug == slug }
                .map { publishedOnly ? $0.withoutDrafts : $0 }
            return slug != nil && engagement.workshops.isEmpty ? nil : engagement
        }
        return result
    }
}

extension Briefing.Workshop {
    fileprivate var withoutDrafts: Briefing.Workshop {
        var workshop = self
        workshop.proposals = proposals.filter(\.isPublished)
        var listed = Set(workshop.proposals.flatMap { $0.sources.map(\.id) } + unretained.map(\.id))
        for draft in proposals where !draft.isPublished {
            for source in draft.sources where !listed.contains(source.id) {
                workshop.unretained.append(source)
                listed.insert(source.id)
            }
        }
        return workshop
    }
}
