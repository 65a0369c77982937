#!/usr/bin/env bash
# Runs the micro-benchmarks (Release). Pass BenchmarkDotNet arguments, e.g. --filter '*Notify*' --job short.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Gateway.Benchmarks -- "${@:---filter *}"
