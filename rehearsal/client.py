"""The API as a phone on the venue's Wi-Fi uses it: requests spread across the Atelier processes,
a 503 waited out for its Retry-After, a refused or cut connection tried again on the other
process, a write retried with the same Idempotency-Key. Every attempt is recorded (route, status,
latency), and whatever breaks the outage contract is recorded as a violation: a 500, a 503 that
is not problem+json or lacks Retry-After, a request that outlives the client's timeout."""
from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

import aiohttp


@dataclass
class Attempt:
    route: str
    status: str  # "200", "503"…, or "timeout", "connection"
    seconds: float
    at: float  # monotonic, when it was sent
    server: int


@dataclass
class Reply:
    status: int
    body: Any
    headers: Mapping[str, str]  # case-insensitive


@dataclass
class Record:
    attempts: list[Attempt] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def check(self, request: str, status: int, headers: Mapping[str, str], body: Any) -> None:
        """An answer against the outage contract: no 5xx but 503, and a 503 says why and when to retry."""
        if status >= 500 and status != 503:
            self.violation(f"{request}: {status} {body}")
        if status == 503:
            kind = headers.get("Content-Type", "")
            if not kind.startswith("application/problem+json") or "Retry-After" not in headers:
                self.violation(f"{request}: 503 without problem+json and Retry-After ({kind})")

    def violation(self, text: str) -> None:
        if len(self.violations) < 200:
            self.violations.append(text)
        else:
            self.violations[-1] = f"... and more, the last: {text}"


class GiveUp(Exception):
    """No answer other than 503 or a cut connection within the client's patience."""


class Api:
    def __init__(self, servers: list[str], session: aiohttp.ClientSession, record: Record, timeout: float = 20,
                 patience: float = 120):
        self.servers = servers
        self.session = session
        self.record = record
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.patience = patience

    async def call(self, method: str, path: str, route: str, token: str, *, body: Any = None,
                   headers: dict[str, str] | None = None, server: int = 0) -> Reply:
        """The first answer that is neither a 503 nor a cut connection; `route` names the
        operation in the report."""
        wanted = {"Authorization": f"Bearer {token}", **(headers or {})}
        give_up = time.monotonic() + self.patience
        while True:
            reply = await self.attempt(method, path, route, wanted, body, server)
            if reply is not None and reply.status != 503:
                return reply
            if time.monotonic() > give_up:
                raise GiveUp(f"{method} {path}: still unavailable after {self.patience:.0f} s")
            if reply is None:
                server = (server + 1) % len(self.servers)
                await asyncio.sleep(0.2)
            else:
                await asyncio.sleep(min(5.0, max(0.2, float(reply.headers.get("Retry-After", "1")))))

    async def attempt(self, method: str, path: str, route: str, headers: dict[str, str], body: Any,
                      server: int) -> Reply | None:
        """One request; None when the connection failed or the client's timeout ran out."""
        started = time.monotonic()
        try:
            async with self.session.request(method, self.servers[server] + path, headers=headers, json=body,
                                            timeout=self.timeout) as response:
                raw = await response.read()
                reply = Reply(response.status, decode(raw), response.headers.copy())
        except asyncio.TimeoutError:
            self.note(route, "timeout", started, server)
            self.record.violation(f"{method} {path} on server {server}: no answer within {self.timeout.total:.0f} s")
            return None
        except aiohttp.ClientError:
            self.note(route, "connection", started, server)
            return None
        self.note(route, str(reply.status), started, server)
        self.check(method, path, reply)
        return reply

    def note(self, route: str, status: str, started: float, server: int) -> None:
        self.record.attempts.append(Attempt(route, status, time.monotonic() - started, started, server))

    def check(self, method: str, path: str, reply: Reply) -> None:
        self.record.check(f"{method} {path}", reply.status, reply.headers, reply.body)


def decode(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode(errors="replace")
