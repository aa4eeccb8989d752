#!/usr/bin/env bash
# Checks that a build of atelier runs on any x86-64 CPU until it computes embeddings: only the
# two modules of the encoder's arithmetic (USEKernels for x86-64-v3, USEKernelsAVX512 for
# AVX-512, see Package.swift) hold AVX, FMA or BMI instructions, the v3 one holds no AVX-512
# instruction, and both do use fused multiply-adds of their width. A generic function compiled
# in one of them but kept by the linker for other callers would show up here. Needs objdump.
#
#   deploy/check-instruction-sets.sh [BINARY]     (default .build/release/atelier)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-.build/release/atelier}
[ -x "$bin" ] || { echo "check-instruction-sets: no executable at $bin" >&2; exit 1; }
[ "$(uname -m)" = x86_64 ] || { echo "check-instruction-sets: nothing to check on $(uname -m)"; exit 0; }
command -v objdump >/dev/null || { echo "check-instruction-sets: objdump not found (binutils)" >&2; exit 1; }

objdump -d --no-show-raw-insn "$bin" | python3 -c '
import re, sys

V3 = "10USEKernels"          # the module names as Swift mangles them
V4 = "16USEKernelsAVX512"
# Beyond the x86-64 baseline: VEX/EVEX forms, wide or mask registers, BMI, LZCNT, MOVBE, POPCNT.
beyond = re.compile(r"^(v\w+|andn|bextr|blsi|blsmsk|blsr|bzhi|mulx|pdep|pext|rorx|sarx|shlx|shrx|lzcnt|movbe|popcnt)\b|%(ymm|zmm)\d|%k[0-7]\b")
avx512 = re.compile(r"%zmm\d|%k[1-7]\b|%[xy]mm(1[6-9]|2\d|3[01])\b")
offenders, wide_in_v3, fma = {}, {}, {"v3": 0, "v4": 0}
function = ""
for line in sys.stdin:
    header = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
    if header:
        function = header.group(1)
        continue
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2:
        continue
    instruction = parts[-1].strip()
    if V4 in function:
        fma["v4"] += instruction.startswith("vfmadd") and "%zmm" in instruction
    elif V3 in function:
        fma["v3"] += instruction.startswith("vfmadd") and "%ymm" in instruction
        if avx512.search(instruction):
            wide_in_v3.setdefault(function, instruction)
    elif beyond.search(instruction):
        offenders.setdefault(function, instruction)
for name, found in (("outside the encoder modules", offenders), ("AVX-512 in the x86-64-v3 module", wide_in_v3)):
    for function, instruction in list(found.items())[:20]:
        print(f"{name}: {function}: {instruction}")
if offenders or wide_in_v3 or not fma["v3"] or not fma["v4"]:
    print(f"check-instruction-sets: FAILED ({len(offenders)} baseline functions with newer instructions, "
          f"{len(wide_in_v3)} v3 functions with AVX-512, fused multiply-adds: {fma})")
    sys.exit(1)
v3, v4 = fma["v3"], fma["v4"]
print(f"check-instruction-sets: ok (baseline outside the encoder modules; {v3} ymm and {v4} zmm fused multiply-adds inside)")
'
