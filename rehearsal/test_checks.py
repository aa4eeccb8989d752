"""The checks must be able to fail: each is given a database that lost or repeated something, and
must say so (deploy/rehearsal.sh runs these before the rehearsal)."""
from __future__ import annotations

import unittest

from checks import Findings, contributions, events, proposals, votes
from ledger import Contribution, Ledger, Proposal
from streams import Received, Reader

W = "w1"


def stored_events(*spec: tuple[int, str, str | None]) -> list[dict]:
    return [{"workshop": W, "id": i, "kind": kind, "audience": "participants", "contribution": c} for i, kind, c in spec]


def reader(start: int, *received: tuple[int, str, str | None]) -> Reader:
    r = Reader("r", W, "token", False, start=start)
    r.events = [Received(*e) for e in received]
    r.last = received[-1][0] if received else start
    return r


class EventChecks(unittest.TestCase):
    stored = stored_events((1, "contribution.created", None), (2, "contribution.tallied", "c"), (3, "contribution.tallied", "c"),
                           (4, "contribution.created", None))

    def count(self, r: Reader) -> dict[str, int]:
        findings = Findings()
        events(findings, self.stored, [r])
        return findings.counts

    def test_all_received_passes(self):
        counts = self.count(reader(0, (1, "contribution.created", None), (2, "contribution.tallied", "c"),
                                   (3, "contribution.tallied", "c"), (4, "contribution.created", None)))
        self.assertEqual(sum(counts.values()), 0)

    def test_a_superseded_tally_may_be_skipped(self):
        counts = self.count(reader(0, (1, "contribution.created", None), (3, "contribution.tallied", "c"),
                                   (4, "contribution.created", None)))
        self.assertEqual(sum(counts.values()), 0)

    def test_the_last_tally_may_not(self):
        counts = self.count(reader(0, (1, "contribution.created", None), (2, "contribution.tallied", "c"),
                                   (4, "contribution.created", None)))
        self.assertEqual(counts["events missed"], 1)

    def test_a_missing_tail_is_missed(self):
        counts = self.count(reader(0, (1, "contribution.created", None), (3, "contribution.tallied", "c")))
        self.assertEqual(counts["events missed"], 1)

    def test_repeats_and_disorder(self):
        counts = self.count(reader(0, (1, "contribution.created", None), (3, "contribution.tallied", "c"),
                                   (3, "contribution.tallied", "c"), (4, "contribution.created", None), (1, "contribution.created", None)))
        self.assertEqual(counts["events received twice"], 2)
        self.assertEqual(counts["events out of order"], 1)


class WriteChecks(unittest.TestCase):
    def test_a_changed_vote_and_an_undone_retraction(self):
        ledger = Ledger(votes={("p", "a"): "agree", ("p", "b"): None, ("p", "c"): "pass"})
        findings = Findings()
        votes(findings, [{"participant": "p", "contribution": "a", "value": "disagree"},
                         {"participant": "p", "contribution": "b", "value": "pass"},
                         {"participant": "p", "contribution": "c", "value": "pass"},
                         {"participant": "q", "contribution": "c", "value": "pass"}], ledger)
        self.assertEqual(findings.counts["acknowledged votes lost or with another value"], 1)
        self.assertEqual(findings.counts["acknowledged retractions undone"], 1)
        self.assertEqual(findings.counts["votes stored that were never acknowledged"], 1)

    def test_a_lost_contribution_and_a_duplicate(self):
        ledger = Ledger(contributions={"k1": Contribution("c1", W, "p", None, "texte"), "k2": Contribution("c2", W, "p", None, "autre")})
        findings = Findings()
        row = {"workshop": W, "author": "p", "title": None, "body": "texte", "status": "published"}
        contributions(findings, [{"id": "c1", **row}, {"id": "c3", **row}], ledger)
        self.assertEqual(findings.counts["acknowledged contributions lost or changed"], 1)
        self.assertEqual(findings.counts["contributions stored without an acknowledgement (duplicates)"], 1)

    def test_a_lost_source_and_a_broken_merge(self):
        ledger = Ledger(proposals={"m": Proposal("m", W, "T", "S", "published", 4, {"c1", "c2"}),
                                   "o": Proposal("o", W, "T", "", "draft", 1, {"c1"}, merged_into="m")})
        findings = Findings()
        proposals(findings, [{"id": "m", "title": "T", "synthesis": "S", "status": "published", "version": 4, "mergedInto": None,
                              "sources": ["c1"], "lastRevision": 4},
                             {"id": "o", "title": "T", "synthesis": "", "status": "draft", "version": 2, "mergedInto": None,
                              "sources": ["c1"], "lastRevision": 1}], ledger)
        self.assertEqual(findings.counts["acknowledged proposals lost or changed (provenance included)"], 2)
        self.assertEqual(findings.counts["proposals whose history does not reach their version"], 1)


if __name__ == "__main__":
    unittest.main()
