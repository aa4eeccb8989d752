"""The fresh congress the rehearsal plays: written as a congress-json dump and loaded with
`atelier import` (the only way, besides the demo, that a congress enters a database), then one
access token per person from `atelier participants token`, as an organiser would issue them."""
from __future__ import annotations

import asyncio
import json
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).with_name("congress.json")
CREATED_AT = "2026-01-29T07:30:00+00:00"


@dataclass
class Person:
    id: str
    name: str
    role: str
    workshop: str | None = None  # the workshop a lead leads
    token: str = ""


@dataclass
class Workshop:
    id: str
    slug: str
    themes: list[list[str]]


@dataclass
class Congress:
    slug: str
    workshops: list[Workshop]
    attendees: list[Person]
    leads: list[Person]
    admin: Person
    closings: list[str] = field(default_factory=list)

    def text(self, workshop: Workshop, number: int, rng: random.Random) -> tuple[str | None, str]:
        """A contribution's title and body: one angle of one theme, with a closing and a number
        that keeps every body distinct."""
        angles = rng.choice(workshop.themes)
        title = rng.choice(angles) if rng.random() < 0.4 else None
        body = f"{rng.choice(angles)} {rng.choice(self.closings)} (proposition {number})."
        return title, body


def plan(attendees: int, seed: int) -> tuple[Congress, dict]:
    """The congress and its dump; ids are drawn from the seed, so a run can be replayed."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    congress_id = new_id()
    workshops = [Workshop(new_id(), w["slug"], w["themes"]) for w in data["workshops"]]
    people = [Person(new_id(), f"Participant·e {n + 1}", "attendee") for n in range(attendees)]
    leads = [Person(new_id(), f"Animateur·rice {w.slug}", "lead", workshop=w.id) for w in workshops]
    admin = Person(new_id(), "Organisatrice", "admin")
    meta = data["congress"]
    dump = {
        "format": "atelier-congress", "version": 1,
        "congress": {"id": congress_id, "slug": meta["slug"], "title": meta["title"], "place": meta["place"],
                     "starts_on": meta["startsOn"], "ends_on": meta["endsOn"], "created_at": CREATED_AT},
        "engagements": [],
        "workshops": [{"id": w.id, "congress_id": congress_id, "engagement_id": None, "slug": w.slug, "title": source["title"],
                       "description": "", "status": "open", "position": n, "created_at": CREATED_AT}
                      for n, (w, source) in enumerate(zip(workshops, data["workshops"]))],
        "participants": [{"id": p.id, "congress_id": congress_id, "display_name": p.name, "organisation": f"Commune {n + 1}",
                          "role": p.role, "named": False, "external_ref": f"repetition-{n + 1}", "created_at": CREATED_AT,
                          "leads": [p.workshop] if p.workshop else []}
                         for n, p in enumerate(people + leads + [admin])],
    }
    for empty in ["contributions", "contribution_revisions", "votes", "proposals", "proposal_sources", "proposal_revisions",
                  "proposal_endorsements", "consolidation_log"]:
        dump[empty] = []
    return Congress(meta["slug"], workshops, people, leads, admin, data["closings"]), dump


async def load(congress: Congress, dump: dict, binary: str, folder: Path, parallel: int = 4) -> None:
    """Imports the dump and gives everyone a token, through the binary."""
    path = folder / "congress-dump.json"
    path.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    await run(binary, "import", "--input", str(path))
    gate = asyncio.Semaphore(parallel)

    async def issue(person: Person) -> None:
        async with gate:
            person.token = (await run(binary, "participants", "token", "--id", person.id)).strip()

    await asyncio.gather(*(issue(p) for p in congress.attendees + congress.leads + [congress.admin]))


async def run(binary: str, *arguments: str) -> str:
    process = await asyncio.create_subprocess_exec(
        binary, *arguments, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{binary} {' '.join(arguments)} failed: {err.decode(errors='replace').strip()}")
    return out.decode()
