"""What the server acknowledged (a 2xx), as the driver saw it: the checks afterwards hold the
database to exactly this."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Contribution:
    id: str
    workshop: str
    author: str
    title: str | None
    body: str


@dataclass
class Proposal:
    id: str
    workshop: str
    title: str
    synthesis: str
    status: str
    version: int
    sources: set[str]
    merged_into: str | None = None

    @staticmethod
    def of(body: dict) -> "Proposal":
        return Proposal(body["id"], body["workshopId"], body["title"], body["synthesis"], body["status"], body["version"],
                        {s["contributionId"] for s in body["sources"]}, body["mergedInto"])


@dataclass
class Ledger:
    contributions: dict[str, Contribution] = field(default_factory=dict)  # by Idempotency-Key
    # (participant, contribution) → the last acknowledged value; None once retracted.
    votes: dict[tuple[str, str], str | None] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)
    # Pairs whose last write got no answer at all within the client's patience (itself a
    # violation): the database may hold either value, so they are left out of the comparison.
    uncertain: set[tuple[str, str]] = field(default_factory=set)
    replays: int = 0  # posts sent again with their key, answered with the first one's contribution
    writes: int = 0  # acknowledged writes of every kind

    def proposal(self, body: dict) -> Proposal:
        proposal = Proposal.of(body)
        self.proposals[proposal.id] = proposal
        self.writes += 1
        return proposal
