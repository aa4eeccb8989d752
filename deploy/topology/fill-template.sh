#!/usr/bin/env bash
# Fills a template's @NAME@ placeholders from the environment; an unset one is an error, so a
# file is never installed half-filled.   fill-template.sh TEMPLATE > FILE
set -euo pipefail
perl -pe 's/@([A-Z][A-Z0-9_]*)@/exists $ENV{$1} ? $ENV{$1} : die "fill-template: $1 is not set\n"/ge' "$1"
