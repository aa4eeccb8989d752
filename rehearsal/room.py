"""The room: attendees posting and voting from their phones, leads consolidating their workshop.
Each person acts in sequence, as one phone does, so the last write a person saw acknowledged for
a pair is the one that must be in the database."""
from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import dataclass

from client import Api, GiveUp, Record
from congress import Congress, Person, Workshop
from ledger import Contribution, Ledger

VALUES = ["agree", "disagree", "pass"]


@dataclass
class Pace:
    """The compressed day: posts spread over `posting_seconds`, votes from a tenth of that on,
    over `voting_seconds`; the leads start once half the contributions are in."""
    contributions: int
    votes: int
    posting_seconds: float
    voting_seconds: float
    replayed_share: float = 0.1  # posts sent a second time with their key, as a phone retries


class Room:
    def __init__(self, congress: Congress, api: Api, record: Record, ledger: Ledger, pace: Pace, seed: int):
        self.congress = congress
        self.api = api
        self.record = record
        self.ledger = ledger
        self.pace = pace
        self.seed = seed
        self.posted: list[Contribution] = []  # in the order they were acknowledged
        self.half_posted = asyncio.Event()
        self.started = time.monotonic()

    def server(self, rng: random.Random) -> int:
        return rng.randrange(len(self.api.servers))

    def unexpected(self, what: str, reply) -> None:
        self.record.violation(f"{what}: {reply.status} {reply.body}")

    # Attendees

    async def attendees(self) -> None:
        posts: dict[int, list[int]] = {}
        for number in range(self.pace.contributions):
            posts.setdefault(number % len(self.congress.attendees), []).append(number)
        await asyncio.gather(*(self.attend(n, person, posts.get(n, [])) for n, person in enumerate(self.congress.attendees)))

    async def attend(self, index: int, person: Person, numbers: list[int]) -> None:
        rng = random.Random(f"{self.seed}-attendee-{index}")
        for number in numbers:
            await self.until(rng.uniform(0, self.pace.posting_seconds))
            try:
                await self.post(person, number, rng)
            except GiveUp as error:
                self.record.violation(str(error))
        await self.vote(person, rng)

    async def until(self, offset: float) -> None:
        await asyncio.sleep(max(0.0, self.started + offset - time.monotonic()))

    async def post(self, person: Person, number: int, rng: random.Random) -> None:
        workshop = self.congress.workshops[number % len(self.congress.workshops)]
        title, body = self.congress.text(workshop, number, rng)
        key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        payload = {"body": body} | ({"title": title} if title else {})
        reply = await self.send_post(person, workshop, payload, key, rng)
        if reply.status not in (200, 201):
            return self.unexpected(f"post {number}", reply)
        contribution = Contribution(reply.body["id"], workshop.id, person.id, title, body)
        self.ledger.contributions[key] = contribution
        self.ledger.writes += 1
        self.posted.append(contribution)
        if len(self.ledger.contributions) * 2 >= self.pace.contributions:
            self.half_posted.set()
        if rng.random() < self.pace.replayed_share:
            again = await self.send_post(person, workshop, payload, key, rng)
            if again.status == 200 and again.headers.get("Idempotent-Replayed") == "true" and again.body["id"] == contribution.id:
                self.ledger.replays += 1
            else:
                self.unexpected(f"post {number} replayed with its key", again)

    async def send_post(self, person: Person, workshop: Workshop, payload: dict, key: str, rng: random.Random):
        return await self.api.call("POST", f"/api/v1/workshops/{workshop.id}/contributions", "POST /workshops/{id}/contributions",
                                   person.token, body=payload, headers={"Idempotency-Key": key}, server=self.server(rng))

    async def vote(self, person: Person, rng: random.Random) -> None:
        """About votes/attendees requests: first votes, then one in ten changed, one in twenty
        retracted, spread over the voting time."""
        per_person = self.pace.votes / len(self.congress.attendees)
        firsts = max(1, round(per_person / 1.15))
        plan = ["first"] * firsts + ["change"] * round(firsts * 0.1) + ["retract"] * round(firsts * 0.05)
        rng.shuffle(plan)
        voting_starts = self.pace.posting_seconds * 0.1
        gap = self.pace.voting_seconds / len(plan)
        await self.until(voting_starts)
        mine: list[str] = []
        for step in plan:
            await asyncio.sleep(rng.uniform(0, 2 * gap))
            try:
                await self.step(person, step, mine, rng)
            except GiveUp as error:
                self.record.violation(str(error))
                self.ledger.uncertain.add((person.id, mine[-1]))

    async def step(self, person: Person, step: str, mine: list[str], rng: random.Random) -> None:
        """One vote, change or retraction; the pair it touches ends up last in `mine`."""
        if step == "first" or not mine:
            seen = set(mine)
            choices = [c.id for c in self.posted if c.id not in seen]
            if not choices:
                return
            target = rng.choice(choices)
            mine.append(target)
            return await self.put_vote(person, target, rng.choice(VALUES), rng)
        target = rng.choice(mine)
        mine.remove(target)
        mine.append(target)
        if step == "change":
            current = self.ledger.votes.get((person.id, target))
            return await self.put_vote(person, target, rng.choice([v for v in VALUES if v != current]), rng)
        reply = await self.api.call("DELETE", f"/api/v1/contributions/{target}/vote", "DELETE /contributions/{id}/vote",
                                    person.token, server=self.server(rng))
        if reply.status != 200 or reply.body["myVote"] is not None:
            return self.unexpected("retract", reply)
        self.ledger.votes[(person.id, target)] = None
        self.ledger.writes += 1

    async def put_vote(self, person: Person, target: str, value: str, rng: random.Random) -> None:
        reply = await self.api.call("PUT", f"/api/v1/contributions/{target}/vote", "PUT /contributions/{id}/vote", person.token,
                                    body={"value": value}, server=self.server(rng))
        if reply.status != 200 or reply.body["myVote"] != value:
            return self.unexpected("vote", reply)
        self.ledger.votes[(person.id, target)] = value
        self.ledger.writes += 1
