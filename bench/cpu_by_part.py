#!/usr/bin/env python3
"""CPU time of the topology's parts, from /proc, by process tree: `snapshot OUT ROOTS_JSON` writes
each part's clock ticks, `per-vote BEFORE AFTER VOTES` prints milliseconds of CPU per vote.

ROOTS_JSON maps a part's name to the pids of its roots (a postmaster, nginx's master, a node);
every descendant counts, so PostgreSQL's backends count for their cluster. Unlike a rate, CPU
per vote does not change when other work shares the machine.
"""
import json
import os
import sys


def processes():
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces; the fields after it are fixed.
        fields = stat[stat.rindex(")") + 2:].split()
        # utime and stime, and cutime and cstime: a backend that has exited is counted in the
        # postmaster that reaped it.
        found[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    return found


def snapshot(out, roots):
    table = processes()
    children = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    ticks = {}
    for part, pids in roots.items():
        stack, total = [int(p) for p in pids], 0
        while stack:
            pid = stack.pop()
            if pid in table:
                total += table[pid][1]
                stack += children.get(pid, [])
        ticks[part] = total
    json.dump(ticks, open(out, "w"))


def per_vote(before, after, votes):
    a, b = json.load(open(before)), json.load(open(after))
    hertz = os.sysconf("SC_CLK_TCK")
    return {part: round(1000 * (b[part] - a.get(part, 0)) / hertz / votes, 3) for part in b}


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(sys.argv[2], json.loads(sys.argv[3]))
    else:
        print(json.dumps(per_vote(sys.argv[2], sys.argv[3], float(sys.argv[4]))))
