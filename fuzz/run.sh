#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that read outside input (AFL++ + SharpFuzz).
#   fuzz/run.sh [--smoke | --seconds N] [TARGET[:SECONDS]…]
# Installs what is missing (afl++ from Debian, the sharpfuzz tool from the manifest), publishes the harness,
# instruments the project's assemblies, runs each target for its time (default 60 s, --smoke 20 s) one after
# the other, and stops by itself. Findings stay in $FUZZ_OUT/findings/TARGET/default/{crashes,hangs}
# (FUZZ_OUT defaults to fuzz/out).
# Last line: "fuzz: T targets, E execs, C crashes, H hangs"; exits non-zero on any crash, hang or failure.
set -euo pipefail
cd "$(dirname "$0")"

seconds=60
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) seconds=20 ;;
    --seconds) seconds="${2:?--seconds needs a number}"; shift ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz: installing afl++"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq afl++ >/dev/null
fi
dotnet tool restore >/dev/null

# A fresh publish each run: sharpfuzz rewrites the assemblies in place and refuses to instrument twice.
out="${FUZZ_OUT:-out}"
bin="$out/bin"
rm -rf "$bin"
mkdir -p "$out"
dotnet publish Gateway.Fuzz -c Release -o "$bin" --nologo -v quiet >"$out/publish.log" 2>&1 \
  || { cat "$out/publish.log"; echo "fuzz: 0 targets, 0 execs, 0 crashes, 0 hangs (the harness did not build)"; exit 1; }
# The project's own assemblies only: coverage of the framework (System.Xml, System.Text.Json) is not measured.
for dll in Gateway Gateway.Abstractions Gateway.WeChatPay WeChat.Common WeChatNative WeChatJsapi MiniProgram PaysApi; do
  dotnet tool run sharpfuzz "$bin/$dll.dll" >/dev/null
done

[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(dotnet "$bin/Gateway.Fuzz.dll" --list)

dict_for() {
  case "$1" in
    paysapi-*) echo dict/paysapi.dict ;;
    *-json) echo dict/json.dict ;;
    *-bill) echo dict/bill.dict ;;
    *) echo dict/wechat.dict ;;
  esac
}

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1" 2>/dev/null | head -n 1; }

# Root on a machine nobody tuned for AFL: no core_pattern, no CPU governor, cores shared with other work.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  AFL_NO_AFFINITY=1 AFL_FAST_CAL=1

total_execs=0 total_crashes=0 total_hangs=0 failed=0
for entry in "${targets[@]}"; do
  target="${entry%%:*}"
  time_limit="$seconds"
  [ "$target" = "$entry" ] || time_limit="${entry#*:}"
  if [ ! -d "corpus/$target" ]; then
    echo "fuzz: $target: no such target (fuzz/corpus/$target is missing)" >&2
    failed=1
    continue
  fi
  findings="$out/findings/$target"
  rm -rf "$findings"
  mkdir -p "$findings"
  # The seeds first (they include every past finding): afl-fuzz would only abort on a crashing seed.
  if ! dotnet "$bin/Gateway.Fuzz.dll" "$target" --replay "corpus/$target" >"$findings/replay.log" 2>&1; then
    cat "$findings/replay.log"
    seed_crashes=$(sed -nE 's/^replay: [0-9]+ inputs, ([0-9]+) failed$/\1/p' "$findings/replay.log")
    echo "fuzz: $target: ${seed_crashes:-?} seeds crash; not fuzzed"
    total_crashes=$((total_crashes + ${seed_crashes:-1}))
    continue
  fi
  started=$(date +%s)
  # -V stops afl-fuzz by itself; timeout is the backstop should it not.
  timeout --kill-after=30 $((time_limit + 120)) \
    afl-fuzz -i "corpus/$target" -o "$findings" -x "$(dict_for "$target")" -t 10000 -m none -V "$time_limit" \
      -- dotnet "$bin/Gateway.Fuzz.dll" "$target" >"$findings/afl.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    tail -n 30 "$findings/afl.log" >&2
    echo "fuzz: $target did not run" >&2
    failed=1
    continue
  fi
  execs=$(stat_of "$stats" execs_done)
  crashes=$(stat_of "$stats" saved_crashes); crashes=${crashes:-$(stat_of "$stats" unique_crashes)}
  hangs=$(stat_of "$stats" saved_hangs); hangs=${hangs:-$(stat_of "$stats" unique_hangs)}
  echo "fuzz: $target: ${execs:-0} execs in $(( $(date +%s) - started )) s, $(stat_of "$stats" execs_per_sec) execs/s," \
    "$(stat_of "$stats" corpus_count) paths, ${crashes:-0} crashes, ${hangs:-0} hangs"
  for finding in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
    [ -f "$finding" ] || continue
    echo "fuzz: $target: finding $finding (base64 $(base64 -w0 "$finding"))"
    timeout 60 dotnet "$bin/Gateway.Fuzz.dll" "$target" <"$finding" 2>&1 | head -n 20 || true
  done
  total_execs=$((total_execs + ${execs:-0}))
  total_crashes=$((total_crashes + ${crashes:-0}))
  total_hangs=$((total_hangs + ${hangs:-0}))
done

echo "fuzz: ${#targets[@]} targets, $total_execs execs, $total_crashes crashes, $total_hangs hangs"
[ "$failed" -eq 0 ] && [ "$total_crashes" -eq 0 ] && [ "$total_hangs" -eq 0 ]
