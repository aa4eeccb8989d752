"""The six leads, one per workshop, consolidating while the room votes: cluster, adopt the
clusters as drafts, merge two, edit, add a source by hand, validate and publish, cluster again.
Every acknowledged proposal is written to the ledger as the server returned it."""
from __future__ import annotations

import asyncio
import random
import uuid

from client import Reply
from congress import Person, Workshop
from ledger import Proposal
from room import Room


class Leads:
    def __init__(self, room: Room, pause: tuple[float, float] = (2, 5)):
        self.room = room
        self.pause = pause
        self.confirmed_by_read = 0  # edits whose answer was lost, found applied by reading the proposal back

    async def run(self) -> None:
        congress = self.room.congress
        await asyncio.gather(*(self.lead(n, person, workshop)
                               for n, (person, workshop) in enumerate(zip(congress.leads, congress.workshops))))

    async def call(self, person: Person, method: str, path: str, route: str, rng: random.Random, **options) -> Reply:
        await asyncio.sleep(rng.uniform(*self.pause))
        return await self.room.api.call(method, path, route, person.token, server=self.room.server(rng), **options)

    async def lead(self, index: int, person: Person, workshop: Workshop) -> None:
        rng = random.Random(f"{self.room.seed}-lead-{index}")
        await self.room.half_posted.wait()
        run = await self.cluster(person, workshop, rng)
        if run is None:
            return
        drafts = await self.adopt(person, workshop, run, rng)
        while len(drafts) < 3:
            drafts.append(await self.draft(person, workshop, rng, len(drafts)))
        merged = await self.merge(person, workshop, drafts[0], drafts[1], rng)
        if merged is None:
            return
        merged = await self.edit(person, merged, {"title": f"Proposition consolidée {workshop.slug}",
                                                  "synthesis": "Synthèse des contributions **rapprochées** par l'atelier."}, rng)
        for status in ["validated", "published"]:
            merged = merged and await self.edit(person, merged, {"status": status}, rng)
        other = await self.edit(person, drafts[2], {"synthesis": "Une deuxième piste, encore en discussion."}, rng)
        outside = [c.id for c in self.room.posted if c.workshop == workshop.id and other and c.id not in other.sources]
        if other and outside:
            other = await self.add_source(person, other, rng.choice(outside), rng)
        if other:
            await self.edit(person, other, {"status": "validated"}, rng)
        await self.cluster(person, workshop, rng)

    async def cluster(self, person: Person, workshop: Workshop, rng: random.Random) -> dict | None:
        reply = await self.call(person, "POST", f"/api/v1/workshops/{workshop.id}/clusterings", "POST /workshops/{id}/clusterings",
                                rng, body={"clusters": 4})
        if reply.status != 201:
            return self.room.unexpected(f"clustering of {workshop.slug}", reply)
        return reply.body

    async def adopt(self, person: Person, workshop: Workshop, run: dict, rng: random.Random) -> list[Proposal]:
        if not run["clusters"]:
            return []
        reply = await self.call(person, "POST", f"/api/v1/workshops/{workshop.id}/proposals/adoptions",
                                "POST /workshops/{id}/proposals/adoptions", rng, body={"clusteringId": run["id"]},
                                headers={"Idempotency-Key": self.key(rng)})
        if reply.status not in (200, 201):
            self.room.unexpected(f"adoption in {workshop.slug}", reply)
            return []
        return [self.room.ledger.proposal(item) for item in reply.body["items"]]

    async def draft(self, person: Person, workshop: Workshop, rng: random.Random, number: int) -> Proposal:
        posted = [c.id for c in self.room.posted if c.workshop == workshop.id]
        sources = rng.sample(posted, min(2, len(posted)))
        reply = await self.call(person, "POST", f"/api/v1/workshops/{workshop.id}/proposals", "POST /workshops/{id}/proposals",
                                rng, body={"title": f"Proposition {number + 1}", "sources": sources},
                                headers={"Idempotency-Key": self.key(rng)})
        if reply.status not in (200, 201):
            raise RuntimeError(f"a draft by hand in {workshop.slug}: {reply.status} {reply.body}")
        return self.room.ledger.proposal(reply.body)

    async def merge(self, person: Person, workshop: Workshop, first: Proposal, second: Proposal,
                    rng: random.Random) -> Proposal | None:
        reply = await self.call(person, "POST", f"/api/v1/workshops/{workshop.id}/proposals/merges",
                                "POST /workshops/{id}/proposals/merges", rng,
                                body={"proposals": [{"id": first.id, "version": first.version},
                                                    {"id": second.id, "version": second.version}]},
                                headers={"Idempotency-Key": self.key(rng)})
        if reply.status not in (200, 201):
            return self.room.unexpected(f"merge in {workshop.slug}", reply)
        merged = self.room.ledger.proposal(reply.body)
        for original in (first, second):
            original.merged_into = merged.id
        return merged

    async def edit(self, person: Person, proposal: Proposal, changes: dict, rng: random.Random) -> Proposal | None:
        reply = await self.call(person, "PATCH", f"/api/v1/proposals/{proposal.id}", "PATCH /proposals/{id}", rng, body=changes,
                                headers={"If-Match": f'"{proposal.version}"'})
        return await self.acknowledged(person, proposal, reply, changes, rng)

    async def add_source(self, person: Person, proposal: Proposal, contribution: str, rng: random.Random) -> Proposal | None:
        reply = await self.call(person, "PUT", f"/api/v1/proposals/{proposal.id}/sources/{contribution}",
                                "PUT /proposals/{id}/sources/{id}", rng, body={"note": "Ajoutée à la main"},
                                headers={"If-Match": f'"{proposal.version}"'})
        return await self.acknowledged(person, proposal, reply, {}, rng, source=contribution)

    async def acknowledged(self, person: Person, proposal: Proposal, reply: Reply, changes: dict, rng: random.Random,
                           source: str | None = None) -> Proposal | None:
        """The proposal as acknowledged. A 412 means the version moved, and only this lead
        writes it: an earlier attempt whose answer was cut applied. Reading it back tells."""
        if reply.status in (200, 201):
            return self.room.ledger.proposal(reply.body)
        if reply.status == 412:
            read = await self.call(person, "GET", f"/api/v1/proposals/{proposal.id}", "GET /proposals/{id}", rng)
            body = read.body if read.status == 200 else {}
            applied = body.get("version") == proposal.version + 1 and all(body.get(k) == v for k, v in changes.items())
            if applied and (source is None or source in {s["contributionId"] for s in body["sources"]}):
                self.confirmed_by_read += 1
                return self.room.ledger.proposal(body)
        return self.room.unexpected(f"change {changes or source} to proposal {proposal.id}", reply)

    @staticmethod
    def key(rng: random.Random) -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
