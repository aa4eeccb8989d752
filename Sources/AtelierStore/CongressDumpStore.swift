import AtelierCore
import Foundation
import Postgres

/// A whole congress as one JSON document, and back: the rows of its tables with their ids and
/// timestamps, for moving a congress between databases (`atelier export --format congress-json`,
/// `atelier import`). PostgreSQL writes and reads the JSON itself, so timestamps keep their
/// microseconds and every column its exact value.
///
/// Left out: access tokens (imported participants get new ones), vote tallies and search vectors
/// (derived: the triggers compute them again), clustering runs, embeddings and live events
/// (working material, recomputed or not needed to rebuild the congress), and the ids of the
/// consolidation log's entries: a database numbers its log across congresses, so an import
/// numbers the entries anew, in their order.
public enum CongressDumpStore {
    /// Says what the document is; `CongressDumpHeader` reads them back before an import.
    public static let format = CongressDumpHeader.format
    public static let version = CongressDumpHeader.version

    /// The congress as pretty-printed JSON. jsonb sorts the keys of each object and every array
    /// has an order of its own, so equal data gives equal bytes.
    public static func dump(congressID: UUID, in connection: Connection) throws -> String {
        // Timestamps are written in the session's zone: UTC, whatever the server's default.
        try connection.execute("SET LOCAL TIME ZONE 'UTC'")
        return try connection.query(
            """
            SELECT jsonb_pretty(jsonb_build_object(
                'format', $2::text, 'version', $3::int,
                'congress', (SELECT to_jsonb(k) FROM congress k WHERE k.id = $1),
                'engagements', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.position, e.id), '[]')
                                FROM engagement e WHERE e.congress_id = $1),
                'workshops', (SELECT coalesce(jsonb_agg(to_jsonb(w) ORDER BY w.position, w.id), '[]')
                              FROM workshop w WHERE w.congress_id = $1),
                'participants', (SELECT coalesce(jsonb_agg(to_jsonb(p) || jsonb_build_object('leads',
                                     (SELECT coalesce(jsonb_agg(l.workshop_id ORDER BY l.workshop_id), '[]')
                                      FROM workshop_lead l WHERE l.participant_id = p.id)) ORDER BY p.created_at, p.id), '[]')
                                 FROM participant p WHERE p.congress_id = $1),
                'contributions', (SELECT coalesce(jsonb_agg(
                                      to_jsonb(c) - 'search' - 'support' - 'agree_count' - 'disagree_count' - 'pass_count'
                                      ORDER BY c.created_at, c.id), '[]')
                                  FROM contribution c WHERE c.congress_id = $1),
                'contribution_revisions', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.contribution_id, r.revised_at), '[]')
                                           FROM contribution_revision r JOIN contribution c ON c.id = r.contribution_id
                                           WHERE c.congress_id = $1),
                'votes', (SELECT coalesce(jsonb_agg(to_jsonb(v) ORDER BY v.contribution_id, v.participant_id), '[]')
                          FROM vote v WHERE v.congress_id = $1),
                'proposals', (SELECT coalesce(jsonb_agg(to_jsonb(p) - 'clustering_run_id' ORDER BY p.created_at, p.id), '[]')
                              FROM proposal p WHERE p.congress_id = $1),
                'proposal_sources', (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.proposal_id, s.contribution_id), '[]')
                                     FROM proposal_source s WHERE s.congress_id = $1),
                'proposal_revisions', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.proposal_id, r.version), '[]')
                                       FROM proposal_revision r WHERE r.congress_id = $1),
                'proposal_endorsements', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.proposal_id, e.participant_id), '[]')
                                          FROM proposal_endorsement e WHERE e.congress_id = $1),
                'consolidation_log', (SELECT coalesce(jsonb_agg(to_jsonb(l) - 'id' ORDER BY l.id), '[]')
                                      FROM consolidation_log l WHERE l.congress_id = $1)))
            """, [congressID, format, version]
        ).first!.decode(column: 0)
    }

    /// Inserts the congress of `json` (a `dump`) with its ids, in the caller's transaction. Every
    /// row is given `congressID`, whatever the file says, so the foreign keys hold each of them
    /// to this congress. Tallies follow from the votes through their triggers; the insert
    /// triggers also write the events of a freshly posted congress, which is harmless.
    public static func load(_ json: String, congressID: UUID, in connection: Connection) throws {
        for statement in loadStatements {
            try connection.execute(statement, [json, congressID])
        }
    }

    /// In the order the foreign keys need. Proposals first come without merged_into and
    /// split_from, which name other proposals of the file, and get them once all exist.
    static let loadStatements = [
        """
        INSERT INTO congress (id, slug, title, place, starts_on, ends_on, created_at, personal_data_purged_at)
        SELECT $2, slug, title, place, starts_on, ends_on, created_at, personal_data_purged_at FROM jsonb_populate_record(NULL::congress, $1::jsonb -> 'congress')
        """,
        """
        INSERT INTO engagement (id, congress_id, slug, title, summary, position)
        SELECT id, $2, slug, title, summary, position FROM jsonb_populate_recordset(NULL::engagement, $1::jsonb -> 'engagements')
        """,
        """
        INSERT INTO workshop (id, congress_id, engagement_id, slug, title, description, status, position, created_at)
        SELECT id, $2, engagement_id, slug, title, description, status, position, created_at
        FROM jsonb_populate_recordset(NULL::workshop, $1::jsonb -> 'workshops')
        """,
        """
        INSERT INTO participant (id, congress_id, display_name, organisation, role, named, external_ref, created_at, erased_at,
                                 anonymous_voter)
        SELECT id, $2, display_name, organisation, role, named, external_ref, created_at, erased_at, coalesce(anonymous_voter, false)
        FROM jsonb_populate_recordset(NULL::participant, $1::jsonb -> 'participants')
        """,
        """
        INSERT INTO workshop_lead (congress_id, participant_id, workshop_id)
        SELECT $2, (p ->> 'id')::uuid, lead::uuid
        FROM jsonb_array_elements($1::jsonb -> 'participants') p, jsonb_array_elements_text(p -> 'leads') lead
        """,
        """
        INSERT INTO contribution (id, congress_id, workshop_id, author_id, title, body, status, moderation_reason, moderated_by,
                                  moderated_at, idempotency_key, created_at, updated_at)
        SELECT id, $2, workshop_id, author_id, title, body, status, moderation_reason, moderated_by, moderated_at, idempotency_key,
               created_at, updated_at
        FROM jsonb_populate_recordset(NULL::contribution, $1::jsonb -> 'contributions')
        """,
        // A revision names its contribution only: the join keeps it to this congress's.
        """
        INSERT INTO contribution_revision (contribution_id, revised_at, title, body)
        SELECT r.contribution_id, r.revised_at, r.title, r.body
        FROM jsonb_populate_recordset(NULL::contribution_revision, $1::jsonb -> 'contribution_revisions') r
        JOIN contribution c ON c.id = r.contribution_id AND c.congress_id = $2
        """,
        """
        INSERT INTO vote (congress_id, participant_id, contribution_id, value, created_at, updated_at)
        SELECT $2, participant_id, contribution_id, value, created_at, updated_at
        FROM jsonb_populate_recordset(NULL::vote, $1::jsonb -> 'votes')
        """,
        """
        INSERT INTO proposal (id, congress_id, workshop_id, title, synthesis, status, position, version, cluster_id, deleted_at,
                              deleted_by, created_by, updated_by, created_at, updated_at)
        SELECT id, $2, workshop_id, title, synthesis, status, position, version, cluster_id, deleted_at, deleted_by, created_by,
               updated_by, created_at, updated_at
        FROM jsonb_populate_recordset(NULL::proposal, $1::jsonb -> 'proposals')
        """,
        """
        UPDATE proposal SET merged_into = d.merged_into, split_from = d.split_from
        FROM jsonb_populate_recordset(NULL::proposal, $1::jsonb -> 'proposals') d
        WHERE proposal.id = d.id AND proposal.congress_id = $2 AND (d.merged_into IS NOT NULL OR d.split_from IS NOT NULL)
        """,
        """
        INSERT INTO proposal_source (congress_id, workshop_id, proposal_id, contribution_id, is_primary, note, added_by, added_at)
        SELECT $2, workshop_id, proposal_id, contribution_id, is_primary, note, added_by, added_at
        FROM jsonb_populate_recordset(NULL::proposal_source, $1::jsonb -> 'proposal_sources')
        """,
        """
        INSERT INTO proposal_revision (congress_id, workshop_id, proposal_id, version, action, actor_id, at, title, synthesis, status,
                                       position, source_ids, deleted, merged_into, previous_title, previous_synthesis, previous_status,
                                       previous_position, previous_source_ids, previous_deleted, previous_merged_into)
        SELECT $2, workshop_id, proposal_id, version, action, actor_id, at, title, synthesis, status, position, source_ids, deleted,
               merged_into, previous_title, previous_synthesis, previous_status, previous_position, previous_source_ids,
               previous_deleted, previous_merged_into
        FROM jsonb_populate_recordset(NULL::proposal_revision, $1::jsonb -> 'proposal_revisions')
        """,
        """
        INSERT INTO proposal_endorsement (congress_id, proposal_id, participant_id, created_at)
        SELECT $2, proposal_id, participant_id, created_at
        FROM jsonb_populate_recordset(NULL::proposal_endorsement, $1::jsonb -> 'proposal_endorsements')
        """,
        // Sorted before the identity column draws its values, so new ids keep the file's order.
        """
        INSERT INTO consolidation_log (congress_id, workshop_id, actor_id, action, proposal_ids_before, proposal_ids_after,
                                       contribution_ids, detail, idempotency_key, request_digest, at)
        SELECT $2, l.workshop_id, l.actor_id, l.action, l.proposal_ids_before, l.proposal_ids_after, l.contribution_ids, l.detail,
               l.idempotency_key, l.request_digest, l.at
        FROM jsonb_array_elements($1::jsonb -> 'consolidation_log') WITH ORDINALITY AS entry(value, number),
             jsonb_populate_record(NULL::consolidation_log, entry.value) l
        ORDER BY entry.number
        """,
    ]
}
