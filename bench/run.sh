#!/usr/bin/env bash
# The ReadinessAnalyzers benchmark: builds a generated trading-engine corpus (or any project given with
# --project) with and without the packed analyzers and their peers. `bench/run.sh --help` lists options;
# `bench/run.sh --quick` finishes in under 10 minutes on 2 cores. Results: bench/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/ReadinessAnalyzers.Bench/ReadinessAnalyzers.Bench.csproj" -c Release -nodeReuse:false -tl:off -v:q -nologo >&2
exec dotnet "$here/ReadinessAnalyzers.Bench/bin/Release/net10.0/ReadinessAnalyzers.Bench.dll" "$@"
