"""The faults of the day, and what the server does through them: PostgreSQL restarted
(`pg_ctl restart -m fast`), one of the two Atelier processes killed with SIGKILL and started
again, PostgreSQL stopped for ten seconds, PostgreSQL crashed (`-m immediate`, recovering from its
WAL on start). A probe per process asks `GET /api/v1/me` (a database
read) every 100 ms, so each outage is seen from outside: what was answered during it, and how
long after PostgreSQL's return the first 200 came."""
from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from client import Api


@dataclass
class Outage:
    name: str
    began: float
    back: float = 0.0  # when PostgreSQL (or the process) was back
    # Per process: seconds from `back` to its first 200; None if it never answered.
    recovery: dict[int, float | None] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)  # what the probes got while it lasted


class Servers:
    """The Atelier processes, on consecutive ports; each one's pid is kept in a file so that
    deploy/rehearsal.sh's trap can stop it whatever happens to this driver."""

    def __init__(self, binary: str, ports: list[int], folder: Path, environment: dict[str, str]):
        self.binary = binary
        self.ports = ports
        self.folder = folder
        self.environment = environment
        self.processes: dict[int, asyncio.subprocess.Process] = {}

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    async def start(self, index: int, session: aiohttp.ClientSession) -> float:
        """Starts it and waits for /health; returns the seconds that took."""
        started = time.monotonic()
        log = open(self.folder / f"server-{index}.log", "ab")
        self.processes[index] = await asyncio.create_subprocess_exec(
            self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.ports[index]), "--no-embeddings",
            stdout=log, stderr=log, env=self.environment)
        (self.folder / f"server-{index}.pid").write_text(str(self.processes[index].pid))
        deadline = started + 30
        while time.monotonic() < deadline:
            try:
                async with session.get(f"{self.urls[index]}/health", timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.05)
        raise RuntimeError(f"Atelier process {index} did not become healthy in 30 s (see {self.folder}/server-{index}.log)")

    async def kill(self, index: int) -> None:
        process = self.processes.pop(index)
        process.send_signal(signal.SIGKILL)
        await process.wait()

    async def stop_all(self) -> dict[int, float | None]:
        """SIGTERM to each, and how long each took to stop; None for one that had to be killed
        after 10 s."""
        took: dict[int, float | None] = {}
        for index in list(self.processes):
            process = self.processes.pop(index)
            started = time.monotonic()
            if process.returncode is None:
                process.terminate()
                try:
                    await asyncio.wait_for(process.wait(), 10)
                    took[index] = time.monotonic() - started
                except asyncio.TimeoutError:
                    process.kill()
                    await process.wait()
                    took[index] = None
            (self.folder / f"server-{index}.pid").unlink(missing_ok=True)
        return took


class Database:
    """The throwaway cluster, through deploy/pg-cluster.sh (which runs pg_ctl -m fast)."""

    def __init__(self, cluster_script: str, folder: str, port: int):
        self.script = cluster_script
        self.folder = folder
        self.port = port

    async def restart(self) -> None:
        await self.run("restart", self.folder)

    async def stop(self) -> None:
        await self.run("stop", self.folder)

    async def crash(self) -> None:
        await self.run("crash", self.folder)

    async def start(self) -> None:
        await self.run("start", self.folder, str(self.port))

    async def run(self, *arguments: str) -> None:
        process = await asyncio.create_subprocess_exec("bash", self.script, *arguments, stdout=asyncio.subprocess.DEVNULL,
                                                       env=os.environ.copy())
        if await process.wait() != 0:
            raise RuntimeError(f"pg-cluster.sh {' '.join(arguments)} failed")


class Faults:
    def __init__(self, servers: Servers, database: Database, api: Api, session: aiohttp.ClientSession, probe_token: str):
        self.servers = servers
        self.database = database
        self.api = api
        self.session = session
        self.token = probe_token
        self.outages: list[Outage] = []
        self.probes: list[tuple[float, int, str]] = []  # (when, process, status)
        self.restart_seconds: float | None = None
        self.stop_seconds: dict[int, float | None] = {}  # SIGTERM at the end, slow clients still attached
        self.stopping = asyncio.Event()

    async def probe(self, index: int) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            reply = await self.api.attempt("GET", "/api/v1/me", "probe GET /me", {"Authorization": f"Bearer {self.token}"},
                                           None, index)
            self.probes.append((started, index, str(reply.status) if reply else "no answer"))
            await asyncio.sleep(max(0.0, 0.1 - (time.monotonic() - started)))

    async def play(self, schedule: dict[str, float], began: float) -> None:
        """Each fault at its offset from `began`, in order."""
        async def at(offset: float) -> None:
            await asyncio.sleep(max(0.0, began + offset - time.monotonic()))

        await at(schedule["restart"])
        outage = Outage("PostgreSQL restarted (pg_ctl restart -m fast)", time.monotonic())
        await self.database.restart()
        outage.back = time.monotonic()
        self.outages.append(outage)

        await at(schedule["kill"])
        victim = len(self.servers.ports) - 1
        outage = Outage(f"Atelier process {victim} killed (SIGKILL) and started again", time.monotonic())
        await self.servers.kill(victim)
        await asyncio.sleep(2)
        self.restart_seconds = await self.servers.start(victim, self.session)
        outage.back = time.monotonic()
        self.outages.append(outage)

        await at(schedule["stop"])
        outage = Outage("PostgreSQL stopped for 10 s", time.monotonic())
        await self.database.stop()
        await asyncio.sleep(10)
        await self.database.start()
        outage.back = time.monotonic()
        self.outages.append(outage)

        await at(schedule["crash"])
        outage = Outage("PostgreSQL crashed (pg_ctl stop -m immediate) and started again", time.monotonic())
        await self.database.crash()
        await self.database.start()
        outage.back = time.monotonic()
        self.outages.append(outage)

    def measure(self) -> None:
        """Recovery per outage and process, and the probes' answers while it lasted."""
        for outage in self.outages:
            for index in range(len(self.servers.ports)):
                after = [when for when, process, status in self.probes
                         if process == index and status == "200" and when >= outage.back]
                outage.recovery[index] = (min(after) - outage.back) if after else None
            for when, _, status in self.probes:
                if outage.began <= when < outage.back:
                    outage.answers[status] = outage.answers.get(status, 0) + 1
