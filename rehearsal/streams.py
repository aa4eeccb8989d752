"""Event-stream readers, as the leads' boards and the plenary screen hold them: each follows one
workshop, drops its connection now and then (and whenever a server goes away) and comes back
with `Last-Event-ID`, on whichever process answers. Every event id received is kept, for the
check against the stored events. Slow clients open a stream and never read it."""
from __future__ import annotations

import asyncio
import json
import random
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp

from client import Attempt, Record


@dataclass
class Received:
    id: int
    kind: str
    contribution: str | None


@dataclass
class Reader:
    name: str
    workshop: str
    token: str
    moderator: bool
    start: int | None = None  # the position of the first connection's `ready`
    last: int | None = None  # the last id received, as EventSource keeps it
    events: list[Received] = field(default_factory=list)
    connections: int = 0
    resets: int = 0


class Readers:
    def __init__(self, servers: list[str], session: aiohttp.ClientSession, record: Record, seed: int,
                 stay: tuple[float, float] = (4, 15)):
        self.servers = servers
        self.session = session
        self.record = record
        self.seed = seed
        self.stay = stay
        self.readers: list[Reader] = []
        self.stopping = asyncio.Event()
        self.release_slow = asyncio.Event()  # slow clients stay until the servers were stopped

    async def follow(self, reader: Reader, index: int) -> None:
        rng = random.Random(f"{self.seed}-reader-{index}")
        server = index % len(self.servers)
        while not self.stopping.is_set():
            try:
                await asyncio.wait_for(self.connect(reader, server), timeout=rng.uniform(*self.stay))
            except (asyncio.TimeoutError, aiohttp.ClientError, ConnectionError):
                pass  # left on purpose, or the server went away: come back like EventSource
            server = rng.randrange(len(self.servers))
            await asyncio.sleep(rng.uniform(0.05, 0.5))

    async def connect(self, reader: Reader, server: int) -> None:
        headers = {"Authorization": f"Bearer {reader.token}", "Accept": "text/event-stream"}
        if reader.last is not None:
            headers["Last-Event-ID"] = str(reader.last)
        started = time.monotonic()
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=45)
        async with self.session.get(f"{self.servers[server]}/api/v1/workshops/{reader.workshop}/events", headers=headers,
                                    timeout=timeout) as response:
            self.record.attempts.append(Attempt("GET /workshops/{id}/events", str(response.status), time.monotonic() - started, started, server))
            if response.status != 200:
                body = (await response.read())[:200]
                self.record.check(f"events of {reader.name}", response.status, response.headers, body)
                if response.status != 503:
                    self.record.violation(f"events of {reader.name}: {response.status} {body!r}")
                await asyncio.sleep(min(5.0, float(response.headers.get("Retry-After", "1"))))
                return
            reader.connections += 1
            fields: dict[str, str] = {}
            async for raw in response.content:
                line = raw.decode().rstrip("\r\n")
                if line:
                    name, _, value = line.partition(":")
                    fields[name] = fields.get(name, "") + value.removeprefix(" ") if name == "data" else value.removeprefix(" ")
                    continue
                if "id" in fields:
                    self.received(reader, int(fields["id"]), fields.get("event", "message"), fields.get("data", "{}"))
                fields = {}

    def received(self, reader: Reader, id: int, kind: str, data: str) -> None:
        if kind in ("ready", "reset"):
            if kind == "reset":
                reader.resets += 1
                self.record.violation(f"{reader.name} was told to reload (reset) after {reader.last}")
            if reader.start is None:
                reader.start = id
        else:
            contribution = json.loads(data).get("contribution") if kind == "contribution.tallied" else None
            reader.events.append(Received(id, kind, contribution))
        reader.last = id

    async def slow(self, server: int, workshop: str, token: str) -> None:
        """Asks for a stream and reads nothing, with a tiny receive buffer, until cancelled."""
        address = urlsplit(self.servers[server])
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
        sock.setblocking(False)
        try:
            await asyncio.get_running_loop().sock_connect(sock, (address.hostname, address.port))
            request = (f"GET /api/v1/workshops/{workshop}/events HTTP/1.1\r\nHost: {address.netloc}\r\n"
                       f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n")
            await asyncio.get_running_loop().sock_sendall(sock, request.encode())
            await self.release_slow.wait()
        except OSError:
            pass
        finally:
            sock.close()

