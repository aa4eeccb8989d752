"""Afterwards, in the database (read with psql): every acknowledged write is there with its
values, nothing unacknowledged was added, tallies equal the votes, provenance is intact, and every
event-stream reader received its workshop's events exactly once and in order."""
from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ledger import Ledger
from streams import Reader

QUERIES = json.loads(Path(__file__).with_name("checks.json").read_text(encoding="utf-8"))


@dataclass
class Findings:
    counts: dict[str, int] = field(default_factory=dict)  # name → how many; every one must be 0
    figures: dict[str, int] = field(default_factory=dict)  # what was compared, for the report
    examples: list[str] = field(default_factory=list)

    def add(self, name: str, found: list[str]) -> None:
        self.counts[name] = self.counts.get(name, 0) + len(found)
        self.examples.extend(f"{name}: {text}" for text in found[:3])


def query(url: str, slug: str, name: str):
    """One of checks.json's queries, answering a single JSON value."""
    assert re.fullmatch(r"[a-z0-9-]+", slug)
    sql = QUERIES[name].replace(":slug", f"'{slug}'")
    result = subprocess.run(["psql", "-X", "-qAt", url, "-c", sql], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the check {name} failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def check(url: str, slug: str, ledger: Ledger, readers: list[Reader]) -> Findings:
    findings = Findings()
    contributions(findings, query(url, slug, "contributions"), ledger)
    votes(findings, query(url, slug, "votes"), ledger)
    findings.add("tallies that differ from the votes", [str(c) for c in query(url, slug, "tallies")])
    proposals(findings, query(url, slug, "proposals"), ledger)
    events(findings, query(url, slug, "events"), readers)
    return findings


def contributions(findings: Findings, stored: list[dict], ledger: Ledger) -> None:
    by_id = {row["id"]: row for row in stored}
    lost = []
    for acked in ledger.contributions.values():
        row = by_id.get(acked.id)
        if row is None or (row["workshop"], row["author"], row["title"], row["body"], row["status"]) != (
                acked.workshop, acked.author, acked.title, acked.body, "published"):
            lost.append(f"{acked.id}: acknowledged {acked.body!r}, stored {row}")
    acknowledged = {c.id for c in ledger.contributions.values()}
    findings.add("acknowledged contributions lost or changed", lost)
    findings.add("contributions stored without an acknowledgement (duplicates)", [i for i in by_id if i not in acknowledged])
    findings.figures["contributions acknowledged"] = len(acknowledged)
    findings.figures["contributions stored"] = len(by_id)


def votes(findings: Findings, stored: list[dict], ledger: Ledger) -> None:
    in_database = {(row["participant"], row["contribution"]): row["value"] for row in stored}
    lost, undone = [], []
    for pair, value in ledger.votes.items():
        if pair in ledger.uncertain:
            continue
        if value is not None and in_database.get(pair) != value:
            lost.append(f"{pair}: acknowledged {value}, stored {in_database.get(pair)}")
        if value is None and pair in in_database:
            undone.append(f"{pair}: retracted, stored {in_database[pair]}")
    findings.add("acknowledged votes lost or with another value", lost)
    findings.add("acknowledged retractions undone", undone)
    findings.add("votes stored that were never acknowledged", [str(p) for p in in_database if p not in ledger.votes and p not in ledger.uncertain])
    findings.figures["vote pairs acknowledged"] = len(ledger.votes)
    findings.figures["votes stored"] = len(in_database)


def proposals(findings: Findings, stored: list[dict], ledger: Ledger) -> None:
    by_id = {row["id"]: row for row in stored}
    lost = []
    for acked in ledger.proposals.values():
        row = by_id.get(acked.id)
        if row is None:
            lost.append(f"{acked.id}: missing")
        elif acked.merged_into is not None:
            if row["mergedInto"] != acked.merged_into or set(row["sources"]) != acked.sources:
                lost.append(f"{acked.id}: merged into {acked.merged_into} with {sorted(acked.sources)}, stored {row}")
        elif (row["title"], row["synthesis"], row["status"], row["version"], set(row["sources"]), row["mergedInto"]) != (
                acked.title, acked.synthesis, acked.status, acked.version, acked.sources, None):
            lost.append(f"{acked.id}: acknowledged {acked}, stored {row}")
    findings.add("acknowledged proposals lost or changed (provenance included)", lost)
    findings.add("proposals whose history does not reach their version",
                 [row["id"] for row in stored if row["lastRevision"] != row["version"]])
    findings.add("proposals stored without an acknowledgement", [i for i in by_id if i not in ledger.proposals])
    findings.figures["proposals acknowledged"] = len(ledger.proposals)


def events(findings: Findings, stored: list[dict], readers: list[Reader]) -> None:
    """A reader must receive, between its first position and its last id, every event of its
    workshop it may see, once, in order; a tally may be skipped only for a later tally of the
    same contribution (counts are absolute, and a replay keeps only the last)."""
    by_workshop: dict[str, list[dict]] = {}
    for event in stored:
        by_workshop.setdefault(event["workshop"], []).append(event)
    missed, repeated, disordered, foreign, delivered = [], [], [], [], 0
    for reader in readers:
        ids = [e.id for e in reader.events]
        delivered += len(ids)
        repeated += [f"{reader.name}: {i}" for i, times in Counter(ids).items() if times > 1]
        disordered += [f"{reader.name}: {b} after {a}" for a, b in zip(ids, ids[1:]) if b < a]
        if reader.start is None or reader.last is None:
            missed.append(f"{reader.name}: never connected")
            continue
        # Up to the workshop's last event: readers were given time to catch up before the end.
        visible = [e for e in by_workshop.get(reader.workshop, []) if reader.moderator or e["audience"] == "participants"]
        expected = [e for e in visible if e["id"] > reader.start]
        later_tally = set()
        must = []
        for event in reversed(expected):
            if event["kind"] == "contribution.tallied":
                if event["contribution"] in later_tally:
                    continue
                later_tally.add(event["contribution"])
            must.append(event["id"])
        received = set(ids)
        missed += [f"{reader.name}: event {i}" for i in sorted(set(must) - received)]
        allowed = {e["id"] for e in expected}
        foreign += [f"{reader.name}: event {i}" for i in sorted(received - allowed)]
    findings.add("events missed", missed)
    findings.add("events received twice", repeated)
    findings.add("events out of order", disordered)
    findings.add("events received that the reader may not see or that are not stored", foreign)
    findings.figures["events stored"] = len(stored)
    findings.figures["events delivered to readers"] = delivered
    findings.figures["reader connections"] = sum(r.connections for r in readers)
