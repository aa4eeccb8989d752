"""The congress day, compressed and rehearsed with faults (`make rehearsal`, deploy/rehearsal.sh).

Loads a fresh congress, starts two Atelier processes on one database, then plays the room
(attendees posting and voting, leads consolidating, event-stream readers coming and going, slow
clients) while PostgreSQL is restarted, one process is killed and started again, PostgreSQL is
stopped for 10 s, and PostgreSQL crashes. Afterwards it holds the database to everything acknowledged, prints the
report, and exits 1 if an invariant failed."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from pathlib import Path

import aiohttp

from checks import check, query
from client import Api, GiveUp, Record
from congress import load, plan
from consolidation import Leads
from faults import Database, Faults, Servers
from ledger import Ledger
from report import render
from room import Pace, Room
from streams import Reader, Readers


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the release build of atelier")
    parser.add_argument("--pg-dir", required=True, help="the throwaway cluster's folder (deploy/pg-cluster.sh)")
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--ports", type=int, nargs=2, required=True, help="the two Atelier processes' ports")
    parser.add_argument("--folder", type=Path, required=True, help="for the servers' logs and pid files")
    parser.add_argument("--attendees", type=int, default=270)
    parser.add_argument("--contributions", type=int, default=250)
    parser.add_argument("--votes", type=int, default=15_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--slow-clients", type=int, default=4)
    parser.add_argument("--posting-seconds", type=float, default=70)
    parser.add_argument("--voting-seconds", type=float, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    return parser.parse_args()


async def rehearse(options: argparse.Namespace) -> bool:
    url = os.environ["DATABASE_URL"]
    congress, dump = plan(options.attendees, options.seed)
    await load(congress, dump, options.binary, options.folder)
    # The day is played in minutes, far faster than a room: the server's rate limits would refuse it.
    environment = os.environ | {"LOG_LEVEL": os.environ.get("LOG_LEVEL", "error"), "ATELIER_RATE_LIMITS": "off"}
    servers = Servers(options.binary, options.ports, options.folder, environment)
    record, ledger = Record(), Ledger()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        try:
            for index in range(len(options.ports)):
                await servers.start(index, session)
            api = Api(servers.urls, session, record)
            pace = Pace(options.contributions, options.votes, options.posting_seconds, options.voting_seconds)
            room = Room(congress, api, record, ledger, pace, options.seed)
            leads = Leads(room)
            readers = Readers(servers.urls, session, record, options.seed)
            faults = Faults(servers, Database(str(Path(__file__).parent.parent / "deploy/pg-cluster.sh"), options.pg_dir,
                                              options.pg_port), api, session, congress.admin.token)
            for n in range(options.readers):
                workshop = congress.workshops[n % len(congress.workshops)]
                lead = n >= options.readers - len(congress.leads)
                person = congress.leads[n % len(congress.leads)] if lead else congress.attendees[n]
                readers.readers.append(Reader(f"reader {n + 1}{' (lead)' if lead else ''}",
                                              person.workshop if lead else workshop.id, person.token, lead))
            background = [asyncio.create_task(readers.follow(r, n)) for n, r in enumerate(readers.readers)]
            background += [asyncio.create_task(readers.slow(n % len(servers.ports), congress.workshops[n % 6].id,
                                                            congress.attendees[-1 - n].token))
                           for n in range(options.slow_clients)]
            background += [asyncio.create_task(faults.probe(i)) for i in range(len(servers.ports))]
            await asyncio.sleep(1)  # the readers' first `ready` marks where each one starts
            room.started = time.monotonic()
            schedule = {"restart": 0.25 * options.voting_seconds, "kill": 0.45 * options.voting_seconds,
                        "stop": 0.6 * options.voting_seconds, "crash": 0.85 * options.voting_seconds}
            results = await asyncio.gather(room.attendees(), leads.run(), faults.play(schedule, room.started),
                                           return_exceptions=True)
            for result in results:
                if isinstance(result, GiveUp):
                    record.violation(str(result))
                elif isinstance(result, BaseException):
                    raise result
            await catch_up(readers.readers, url, congress.slug)
            readers.stopping.set()
            faults.stopping.set()
            faults.stop_seconds = await servers.stop_all()
            readers.release_slow.set()
            for task in background:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*background, return_exceptions=True)
        finally:
            await servers.stop_all()
    faults.measure()
    findings = check(url, congress.slug, ledger, readers.readers)
    header = (f"Rehearsal: {options.attendees} attendees, {len(congress.leads)} leads, {options.contributions} contributions, "
              f"about {options.votes} votes, {options.readers} event-stream readers and {options.slow_clients} slow clients, "
              f"{len(options.ports)} Atelier processes; voting over {options.voting_seconds:.0f} s")
    text, passed = render(record, ledger, faults, findings, leads.confirmed_by_read, header)
    print(text)
    if options.report:
        options.report.write_text(text + "\n", encoding="utf-8")
    return passed


async def catch_up(readers: list[Reader], url: str, slug: str, patience: float = 30) -> None:
    """Gives the readers time to receive their workshops' last events, as a screen would. The last
    votes' tallies become events at the servers' next round (sql/016_coalesced_tallies.sql): the
    last events are known once no tally is pending."""
    deadline = time.monotonic() + patience
    while query(url, slug, "pending_tallies") and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    latest = query(url, slug, "latest")
    while time.monotonic() < deadline:
        behind = [r for r in readers
                  if (r.last or 0) < latest.get(r.workshop, {}).get("moderators" if r.moderator else "participants", 0)]
        if not behind:
            return
        await asyncio.sleep(0.5)


def main() -> None:
    options = arguments()
    options.folder.mkdir(parents=True, exist_ok=True)
    sys.exit(0 if asyncio.run(rehearse(options)) else 1)


if __name__ == "__main__":
    main()
