#!/usr/bin/env bash
# Benchmarks (never run by the tests): generates the files with
# `telesales-kpi generate`, builds, runs ../shared/perf/run.sh (the app beside
# DuckDB-WASM and PapaParse in one Chromium run), the native benches and the
# long-task / memory probe, and prints one table.
# Usage: bash scripts/bench.sh [ROWS...]   (default: 100000 1000000)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build || exit 1
setup_browser || exit 1
cd "$ROOT" || exit 1
ROWS=("${@:-100000 1000000}")
# shellcheck disable=SC2206
ROWS=(${ROWS[*]})
WORK=${BENCH_DIR:-/tmp/telesales-kpi-bench}
mkdir -p "$WORK"
PERF="$ROOT/../shared/perf/run.sh"

say "building the CLI (opt-level 3), the debug CLI and the release page"
cargo build --quiet --profile bench-native --bin telesales-kpi --example bench_ingest --example bench_kpi --example worker_memory || exit 1
cargo build --quiet --bin telesales-kpi || exit 1
trunk build --release --dist "$WORK/dist" --public-url ./ >/dev/null 2>&1 || { echo "trunk build failed" >&2; exit 1; }
CLI="$ROOT/target/bench-native/telesales-kpi"

declare -a TABLE=()
row() { TABLE+=("$(printf '| %s |' "$(IFS='|'; echo "$*" | sed 's/|/ | /g')")"); }

for n in "${ROWS[@]}"; do
  file="$WORK/calls-$n.csv"
  [ -f "$file" ] || "$CLI" generate "$n" "$file"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  # Native: report end to end (file read included), best of 3.
  best=""
  for _ in 1 2 3; do
    s=$(date +%s%N); "$CLI" report "$file" >/dev/null; e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    { [ -z "$best" ] || [ "$ms" -lt "$best" ]; } && best=$ms
  done
  row "native report, $n calls ($mb MB)" "${best} ms" "$(awk -v m="$mb" -v t="$best" 'BEGIN { printf "%.0f MB/s", m / (t / 1000) }')"
  # Browser: the app beside DuckDB-WASM and PapaParse, one run.
  if [ -x "$PERF" ] || [ -f "$PERF" ]; then
    out=$(bash "$PERF" "$file" --dist "$WORK/dist" --reps 1 2>&1)
    echo "$out" | grep -v '^RESULT\|^CHECK' >&2
    json=$(echo "$out" | sed -n 's/^json: //p')
    if [ -n "$json" ] && [ -f "$json" ]; then
      # Read into this shell (a pipe into `read` would fill a subshell's table).
      read -r app duck papa < <(node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const med = (s) => { const x = r.results.find((e) => e.system === s); return x && x.median ? x.median.total_ms : null; };
        const app = med("app"), duck = med("duckdb-wasm"), papa = med("papaparse-main");
        console.log([app, duck, papa].map((v) => v ?? "–").join(" "));
      ' "$json")
      row "page, $n calls: app / DuckDB-WASM / PapaParse" "${app} / ${duck} / ${papa} ms" "$(awk -v a="$app" -v d="$duck" 'BEGIN { if (a > 0 && d > 0) printf "DuckDB-WASM ÷ app = %.2f", d / a; else print "–" }')"
    fi
  fi
  # Long tasks, memory, re-filter and drill-down in the page.
  probe=$(DIST="$WORK/dist" node tests/e2e/bench_probe.mjs "$n" "$file" 2>/dev/null | tail -1)
  if [ -n "$probe" ]; then
    row "page probe, $n calls" "$(echo "$probe" | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(`ready ${p.ready_ms} ms, longest task ${p.longest_task_ms} ms, re-filter ${p.refilter_cards_ms} ms (cards) / ${p.refilter_ready_ms} ms (ready), drill ${p.drill_open_ms} ms`)')" "$(echo "$probe" | node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(`${p.bytes_per_row} B/row of wasm heap growth (${p.total_bytes_per_row} with the worker start-up memory, ${(p.worker_start_bytes / 1048576).toFixed(1)} MiB)`)')"
  fi
done

say "native benches"
ingest=$("$ROOT/target/bench-native/examples/bench_ingest" 2>&1)
echo "$ingest" >&2
while read -r line; do
  [ -n "$line" ] && row "native ingest: $(echo "${line%%:*}" | sed 's/^ *//')" "$(echo "$line" | sed -n 's/.*: *\([0-9.]* MB\/s\).*/\1/p')" "$(echo "$line" | sed -n 's/.*MB\/s, *\(.*\)$/\1/p')"
done <<< "$(echo "$ingest" | grep 'MB/s')"
mem=$(echo "$ingest" | sed -n 's/^ *memory: //p')
[ -n "$mem" ] && row "native memory, 1M canonical calls" "$(echo "$mem" | sed -n 's/^dataset + engine \([0-9.]* B\/row\) resident.*/\1/p')" "$mem"
worker=$("$ROOT/target/bench-native/examples/worker_memory" 2>&1)
echo "$worker" >&2
row "native worker heap, 1M calls read in two parts: high-water mark" "$(echo "$worker" | tail -1 | sed -n 's/.*so far *\([0-9.]*\)$/\1 B\/row/p')" "in use after the engine: $(echo "$worker" | sed -n 's/^ *engine built: in use *\([0-9.]*\) B\/row.*/\1 B\/row/p')"
kpi=$("$ROOT/target/bench-native/examples/bench_kpi" 2>&1)
echo "$kpi" >&2
row "native Engine::new, 1M calls + 100k deals + 200k leads" "$(echo "$kpi" | sed -n 's/^Engine::new: //p')" ""
row "native report(), all data" "$(echo "$kpi" | sed -n 's/^report (all data): \([^,]*\),.*/\1/p')" ""

gz() { gzip -9c "$1" | wc -c; }
wasm=$(ls "$WORK"/dist/telesales-kpi-app-*_bg.wasm | head -1); js=$(ls "$WORK"/dist/telesales-kpi-app*.js | head -1)
row "first load, wasm + JS (gzip)" "$(( ($(gz "$wasm") + $(gz "$js")) / 1024 )) KB" "wasm $(( $(stat -c %s "$wasm") / 1024 )) KB raw"

echo
echo "| measure | result | note |"
echo "|---|---|---|"
printf '%s\n' "${TABLE[@]}"
