import Foundation
import Postgres

/// What Atelier holds about one person, and the two ways of forgetting it: erasing one
/// participant at their request, and purging a congress's personal data once its briefing is
/// delivered. What each keeps and why is in `sql/014_personal_data.sql`.
public enum PersonalDataStore {
    /// Says what the document is, as `CongressDumpStore.format` does for a congress.
    public static let format = "atelier-personal-data"
    public static let version = 1

    /// Everything about the participant as pretty-printed JSON, or nil if there is no such
    /// participant. Secrets are never in it: of tokens, codes and sessions only their dates.
    public static func document(participantID: UUID, in connection: Connection) throws -> String? {
        try connection.execute("SET LOCAL TIME ZONE 'UTC'")
        return try connection.query(
            """
            SELECT jsonb_pretty(jsonb_build_object(
                'format', $2::text, 'version', $3::int,
                'congress', jsonb_build_object('slug', k.slug, 'title', k.title),
                'participant', jsonb_build_object(
                    'id', p.id, 'displayName', p.display_name, 'organisation', p.organisation, 'role', p.role,
                    'named', p.named, 'createdAt', p.created_at, 'erasedAt', p.erased_at,
                    'leads', (SELECT coalesce(jsonb_agg(w.slug ORDER BY w.position, w.id), '[]')
                              FROM workshop_lead l JOIN workshop w ON w.id = l.workshop_id WHERE l.participant_id = p.id)),
                'accessTokens', (SELECT coalesce(jsonb_agg(jsonb_build_object('createdAt', t.created_at, 'revokedAt', t.revoked_at)
                                     ORDER BY t.created_at, t.id), '[]')
                                 FROM access_token t WHERE t.participant_id = p.id),
                'badgeCode', (SELECT jsonb_build_object('issuedAt', b.issued_at) FROM badge_code b WHERE b.participant_id = p.id),
                'sessions', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                 'createdAt', s.created_at, 'expiresAt', s.expires_at, 'endedAt', s.ended_at)
                                 ORDER BY s.created_at, s.id), '[]')
                             FROM page_session s WHERE s.participant_id = p.id),
                'contributions', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                      'id', c.id, 'workshop', w.slug, 'title', c.title, 'body', c.body, 'status', c.status,
                                      'moderationReason', c.moderation_reason, 'moderatedAt', c.moderated_at,
                                      'createdAt', c.created_at, 'updatedAt', c.updated_at,
                                      'votes', jsonb_build_object('agree', c.agree_count, 'disagree', c.disagree_count, 'pass', c.pass_count),
                                      'revisions', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                        'revisedAt', r.revised_at, 'title', r.title, 'body', r.body) ORDER BY r.revised_at), '[]')
                                                    FROM contribution_revision r WHERE r.contribution_id = c.id))
                                      ORDER BY c.created_at, c.id), '[]')
                                  FROM contribution c JOIN workshop w ON w.id = c.workshop_id WHERE c.author_id = p.id),
                'votes', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                              'contribution', v.contribution_id, 'value', v.value, 'createdAt', v.created_at, 'updatedAt', v.updated_at)
                              ORDER BY v.created_at, v.contribution_id), '[]')
                          FROM vote v WHERE v.participant_id = p.id),
                'endorsements', (SELECT coalesce(jsonb_agg(jsonb_build_object('proposal', e.proposal_id, 'createdAt', e.created_at)
                                     ORDER BY e.created_at, e.proposal_id), '[]')
                                 FROM proposal_endorsement e WHERE e.participant_id = p.id),
                'moderated', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                  'contribution', c.id, 'reason', c.moderation_reason, 'at', c.moderated_at)
                                  ORDER BY c.moderated_at, c.id), '[]')
                              FROM contribution c WHERE c.moderated_by = p.id),
                'proposalsCitingMe', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                          'id', x.id, 'workshop', w.slug, 'title', x.title, 'status', x.status,
                                          'retired', x.deleted_at IS NOT NULL,
                                          'contributions', (SELECT jsonb_agg(s.contribution_id ORDER BY s.contribution_id)
                                                            FROM proposal_source s JOIN contribution c ON c.id = s.contribution_id
                                                            WHERE s.proposal_id = x.id AND c.author_id = p.id))
                                          ORDER BY x.created_at, x.id), '[]')
                                      FROM proposal x JOIN workshop w ON w.id = x.workshop_id
                                      WHERE EXISTS (SELECT 1 FROM proposal_source s JOIN contribution c ON c.id = s.contribution_id
                                                    WHERE s.proposal_id = x.id AND c.author_id = p.id)),
                'consolidationLog', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                         'at', g.at, 'workshop', w.slug, 'action', g.action, 'byMe', g.actor_id = p.id,
                                         'proposalsBefore', to_jsonb(g.proposal_ids_before), 'proposalsAfter', to_jsonb(g.proposal_ids_after),
                                         'myContributions', (SELECT coalesce(jsonb_agg(c.id ORDER BY c.id), '[]') FROM contribution c
                                                             WHERE c.id = ANY (g.contribution_ids) AND c.author_id = p.id))
                                         ORDER BY g.id), '[]')
                                     FROM consolidation_log g JOIN workshop w ON w.id = g.workshop_id
                                     WHERE g.congress_id = p.congress_id
                                       AND (g.actor_id = p.id
                                            OR EXISTS (SELECT 1 FROM contribution c WHERE c.id = ANY (g.contribution_ids) AND c.author_id = p.id)))))
            FROM participant p JOIN congress k ON k.id = p.congress_id
            WHERE p.id = $1 AND NOT p.anonymous_voter
            """, [participantID, format, version]
        ).first?.decode(column: 0)
    }

    /// Erases the participant, in the caller's transaction: see `sql/014_personal_data.sql`.
    /// Published contributions are withdrawn when `withdraw` says so, and kept anonymous
    /// otherwise. Returns false, having changed nothing, if they were erased already.
    public static func erase(participantID: UUID, withdraw: Bool, in connection: Connection) throws -> Bool {
        guard
            let erased = try connection.query(
                "SELECT erased_at IS NOT NULL FROM participant WHERE id = $1 AND NOT anonymous_voter FOR UPDATE", [participantID]
            ).first?.decode(column: 0, as: Bool.self), !erased
        else { return false }
        let holds: Bool = try connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM vote WHERE participant_id = $1)
                OR EXISTS (SELECT 1 FROM proposal_endorsement WHERE participant_id = $1)
            """, [participantID]
        ).first!.decode(column: 0)
        if holds {
            let voter: UUID = try connection.query(
                """
                INSERT INTO participant (congress_id, display_name, role, named, anonymous_voter, created_at)
                SELECT k.id, $2, 'attendee', false, true, k.created_at
                FROM participant p JOIN congress k ON k.id = p.congress_id WHERE p.id = $1
                RETURNING id
                """, [participantID, anonymousName]
            ).first!.decode(column: 0)
            try connection.execute("UPDATE vote SET participant_id = $2 WHERE participant_id = $1", [participantID, voter])
            try connection.execute("UPDATE proposal_endorsement SET participant_id = $2 WHERE participant_id = $1", [participantID, voter])
        }
        if withdraw {
            try connection.execute(
                "UPDATE contribution SET status = 'withdrawn', updated_at = now() WHERE author_id = $1 AND status = 'published'",
                [participantID])
        }
        try forgetAccess(participants: "SELECT $1::uuid", [participantID], in: connection)
        try connection.execute("DELETE FROM workshop_lead WHERE participant_id = $1", [participantID])
        try connection.execute(
            """
            UPDATE participant SET display_name = $2, organisation = NULL, named = false, external_ref = NULL, erased_at = now()
            WHERE id = $1
            """, [participantID, anonymousName])
        return true
    }

    /// Removes the congress's names, external references, tokens, badge codes and sessions, and
    /// numbers its organisations, in the caller's transaction; contributions, votes, proposals
    /// and their provenance stay, tied to rows that no longer say who anyone was. Running it
    /// again removes what was added since (a new token, a new participant).
    public static func purge(congressID: UUID, in connection: Connection) throws -> (participants: Int, secrets: Int) {
        try connection.execute(
            "UPDATE congress SET personal_data_purged_at = now() WHERE id = $1 AND personal_data_purged_at IS NULL", [congressID])
        let secrets = try forgetAccess(participants: "SELECT id FROM participant WHERE congress_id = $1", [congressID], in: connection)
        // One number per organisation, drawn in a random order: the counts of distinct
        // organisations stay, the alphabet says nothing. Numbers already given are kept.
        try connection.execute(
            """
            WITH given AS (
                SELECT count(DISTINCT organisation) AS count FROM participant WHERE congress_id = $1 AND organisation ~ $2),
            named AS (
                SELECT organisation, row_number() OVER (ORDER BY gen_random_uuid()) AS number
                FROM (SELECT DISTINCT organisation FROM participant
                      WHERE congress_id = $1 AND organisation IS NOT NULL AND organisation !~ $2) AS distinct_organisations)
            UPDATE participant p SET organisation = $3 || ' ' || (given.count + named.number)
            FROM named, given
            WHERE p.congress_id = $1 AND p.organisation = named.organisation
            """, [congressID, "^" + organisationLabel + " [0-9]+$", organisationLabel])
        let participants = try connection.execute(
            """
            UPDATE participant SET display_name = $2, named = false, external_ref = NULL
            WHERE congress_id = $1 AND (display_name <> $2 OR named OR external_ref IS NOT NULL)
            """, [congressID, anonymousName])
        return (participants, secrets)
    }

    /// What a purged organisation is called, followed by its number.
    public static let organisationLabel = "collectivité"

    /// The name every erased or purged participant is left with (the column may not be empty).
    public static let anonymousName = "anonyme"

    /// Deletes the tokens, badge codes and sessions of the participants `select` names: none of
    /// them opens anything afterwards. Returns how many rows went.
    @discardableResult
    static func forgetAccess(participants select: String, _ parameters: [any PostgresEncodable], in connection: Connection) throws -> Int {
        var deleted = 0
        for table in ["access_token", "badge_code", "page_session"] {
            deleted += try connection.execute("DELETE FROM \(table) WHERE participant_id IN (\(select))", parameters)
        }
        return deleted
    }
}
