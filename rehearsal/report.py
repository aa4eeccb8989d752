"""The rehearsal's report, and whether each invariant held."""
from __future__ import annotations

from collections import Counter

from checks import Findings
from client import Record
from faults import Faults
from ledger import Ledger

RECOVERY_LIMIT = 5.0  # seconds after PostgreSQL's return
STOP_LIMIT = 5.0  # seconds after SIGTERM, as the README promises for a graceful stop


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def render(record: Record, ledger: Ledger, faults: Faults, findings: Findings, confirmed_by_read: int,
           header: str) -> tuple[str, bool]:
    """The report's text, and whether every invariant held."""
    lines = [header, ""]
    statuses = Counter(a.status for a in record.attempts)
    lines.append("Requests by status: " + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items())))
    lines.append("")
    lines.append(f"{'route':44} {'answers':>8} {'p50 ms':>8} {'p99 ms':>8} {'503s':>6} {'503 max ms':>11}")
    answered: dict[str, list[float]] = {}
    unavailable: dict[str, list[float]] = {}
    for attempt in record.attempts:
        if attempt.status.isdigit():
            into = unavailable if attempt.status == "503" else answered
            into.setdefault(attempt.route, []).append(attempt.seconds * 1000)
    for route in sorted(answered.keys() | unavailable.keys()):
        latencies, refused = answered.get(route, [0.0]), unavailable.get(route, [])
        lines.append(f"{route:44} {len(answered.get(route, [])):>8} {percentile(latencies, 0.5):>8.1f} "
                     f"{percentile(latencies, 0.99):>8.1f} {len(refused):>6} {max(refused, default=0):>11.1f}")
    lines.append("(answers other than 503; an event stream's time is to its response's head)")
    lines.append("")

    held: list[tuple[str, bool]] = []
    for outage in faults.outages:
        during = ", ".join(f"{s} {n}" for s, n in sorted(outage.answers.items())) or "no probe"
        recovery = ", ".join(f"process {i} {'never' if r is None else f'{r:.2f} s'}" for i, r in sorted(outage.recovery.items()))
        lines.append(f"{outage.name}: {outage.back - outage.began:.1f} s; probes meanwhile: {during}; first 200 after: {recovery}")
        if "PostgreSQL" in outage.name:
            held.append((f"recovered within {RECOVERY_LIMIT:.0f} s of PostgreSQL's return ({outage.name})",
                         all(r is not None and r <= RECOVERY_LIMIT for r in outage.recovery.values())))
    if faults.restart_seconds is not None:
        lines.append(f"The killed process answered /health {faults.restart_seconds:.2f} s after being started again")
    if faults.stop_seconds:
        stops = ", ".join(f"process {i} {'not within 10 s (killed)' if t is None else f'{t:.2f} s'}"
                          for i, t in sorted(faults.stop_seconds.items()))
        lines.append(f"SIGTERM at the end, with the slow clients still attached: stopped in {stops}")
        held.append((f"each process stopped within {STOP_LIMIT:.0f} s of SIGTERM, slow clients attached",
                     all(t is not None and t <= STOP_LIMIT for t in faults.stop_seconds.values())))
    lines.append("")

    lines.append(f"Acknowledged writes: {ledger.writes} ({', '.join(f'{k} {v}' for k, v in findings.figures.items())})")
    lines.append(f"Posts replayed with their Idempotency-Key and answered with the first contribution: {ledger.replays}; "
                 f"proposal edits whose answer was cut, found applied by reading back: {confirmed_by_read}")
    for name, count in findings.counts.items():
        lines.append(f"{name}: {count}")
        held.append((f"{name}: 0", count == 0))
    for example in findings.examples[:20]:
        lines.append(f"  {example}")
    lines.append("")

    timeouts = statuses.get("timeout", 0)
    errors = sum(n for s, n in statuses.items() if s.isdigit() and int(s) >= 500 and s != "503")
    held.append(("no answer ≥ 500 other than 503", errors == 0))
    held.append(("no request outlived the client's timeout (20 s)", timeouts == 0))
    held.append(("no other contract violation (every 503 problem+json with Retry-After, no unexpected status)",
                 not record.violations))
    for violation in record.violations[:20]:
        lines.append(f"  violation: {violation}")
    lines.append("Invariants:")
    for name, ok in held:
        lines.append(f"  {'ok  ' if ok else 'FAIL'} {name}")
    passed = all(ok for _, ok in held)
    lines.append("")
    lines.append("Rehearsal passed." if passed else "Rehearsal FAILED.")
    return "\n".join(lines), passed
