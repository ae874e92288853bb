#!/usr/bin/env bash
# Spike-to-page latency at 100 and 1000 peer connections per minute (bench/AlertLatency/Program.cs).
#   bench/alert-latency.sh [RATES=100,1000] [BASELINE_S=60] [SPIKE_SHARE=0.3]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
dotnet build "$ROOT/ingest-api/IceWatch.IngestApi.csproj" -c Release -nologo -v q -o "$WORK/api" >/dev/null
dotnet build "$ROOT/bench/AlertLatency/AlertLatency.csproj" -c Release -nologo -v q -o "$WORK/bench" >/dev/null
dotnet "$WORK/bench/AlertLatency.dll" "$WORK/api/IceWatch.IngestApi.dll" "$@"
