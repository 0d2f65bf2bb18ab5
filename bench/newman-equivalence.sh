#!/usr/bin/env bash
# newman-equivalence.sh - checks that decaybench scores apps the way the paper's Newman pipeline does.
#
# Usage: bench/newman-equivalence.sh [--include-sqlite] [--keep DIR] [NAME ...]
#   --include-sqlite  also run express-sqlite-instead-of-postgres (needs a native sqlite3 build)
#   --keep DIR        keep every app's result.json, Newman JSON and logs under DIR/<app>/
#   NAME ...          only these reference apps / variants (default: both reference apps and
#                     every variant in examples/broken-apps)
#
# For each app: materialises it twice (bench/materialize.sh), scores one copy with
# `./decaybench evaluate` and the other with bench/newman-pipeline.sh, and prints a Markdown
# table: decaybench passed/total and A%, Newman passed/total and A% (A% = passed / 290 * 100),
# and whether the A% values match. Below it, for each app whose per-request failed-assertion
# counts differ, one table of the differing requests (Newman run.executions[].assertions[].error
# vs result.json requests[].assertions[].passed, matched by request name and occurrence).
# Env: DECAYBENCH=path of the launcher to use (default ./decaybench of this checkout).
# Exit status: 0 if every A% matches, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
refs="$root/runner-image/src/main/resources/reference-apps"
variants="$root/examples/broken-apps"

include_sqlite=0
keep=""
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --include-sqlite) include_sqlite=1 ;;
    --keep) keep="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) names+=("$1") ;;
  esac
  shift
done

if [ ${#names[@]} -eq 0 ]; then
  names=(flask-sqlalchemy-postgres express-sequelize-postgres)
  for d in "$variants"/*/; do
    n="$(basename "$d")"
    if [ "$n" = express-sqlite-instead-of-postgres ] && [ "$include_sqlite" = 0 ]; then continue; fi
    names+=("$n")
  done
fi

work="$(mktemp -d /tmp/newman-equivalence.XXXXXX)"
trap 'rm -rf -- "$work"' EXIT

base_of() {
  if [ -d "$refs/$1" ]; then echo "$1"; else
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base"])' "$variants/$1/variant.json"
  fi
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

for n in "${names[@]}"; do
  base="$(base_of "$n")"
  case "$base" in
    express-*) task=express-openapi-clean_architecture-postgres-sequelize ;;
    flask-*) task=flask-openapi-clean_architecture-postgres-sqlalchemy ;;
    *) echo "no task known for base $base" >&2; exit 2 ;;
  esac
  d="$work/$n"
  mkdir -p "$d"
  "$bench/materialize.sh" "$n" "$d/app-decaybench"
  "$bench/materialize.sh" "$n" "$d/app-newman"
  echo "== $n: decaybench" >&2
  # decaybench writes result.json for every scored app, even one that never starts; no result.json
  # means the tool itself failed (e.g. the launcher rebuilding the jar while someone edits the
  # sources), so retry twice.
  for attempt in 1 2 3; do
    rm -rf "$d/out"
    "${DECAYBENCH:-$root/decaybench}" evaluate --app "$d/app-decaybench" --out "$d/out" --task "$task" \
      >"$d/decaybench.log" 2>&1 || true
    [ -f "$d/out/result.json" ] && break
    echo "   no result.json (attempt $attempt): $(tail -n 1 "$d/decaybench.log")" >&2
    sleep 10
  done
  echo "== $n: newman" >&2
  "$bench/newman-pipeline.sh" "$d/app-newman" "$(free_port)" "$d/newman.json" \
    >"$d/newman.stdout" 2>"$d/newman.log" || true
  if [ -n "$keep" ]; then
    mkdir -p "$keep/$n"
    cp "$d/decaybench.log" "$d/newman.log" "$keep/$n/"
    [ -f "$d/out/result.json" ] && cp "$d/out/result.json" "$keep/$n/"
    [ -f "$d/newman.json" ] && cp "$d/newman.json" "$keep/$n/"
  fi
done

python3 - "$work" "${names[@]}" <<'PY'
import json, os, sys
from collections import defaultdict

TOTAL = 290
work, names = sys.argv[1], sys.argv[2:]

def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def keyed(pairs):
    """[(name, data)] -> {(name, occurrence): data}"""
    seen, out = defaultdict(int), {}
    for name, data in pairs:
        out[(name, seen[name])] = data
        seen[name] += 1
    return out

rows, details, mismatch = [], [], False
for n in names:
    r = load(os.path.join(work, n, "out", "result.json"))
    nm = load(os.path.join(work, n, "newman.json"))
    if r:
        dp, dt = r["assertions"]["passed"], r["assertions"]["total"]
        d_cell, d_pct = f"{dp}/{dt}", round(dp / TOTAL * 100, 2)
    else:
        d_cell, d_pct = "no result", None
    if nm:
        s = nm["run"]["stats"]["assertions"]
        np_, nt = s["total"] - s["failed"], s["total"]
        n_cell, n_pct = f"{np_}/{nt}", round(np_ / TOTAL * 100, 2)
    else:
        n_cell, n_pct = "no report", None
    ok = d_pct is not None and d_pct == n_pct
    mismatch |= not ok
    fmt = lambda p: "-" if p is None else f"{p:.2f}"
    rows.append(f"| {n} | {d_cell} | {fmt(d_pct)} | {n_cell} | {fmt(n_pct)} | {'yes' if ok else 'no'} |")

    if not (r and nm):
        continue
    dec = keyed((q["name"], q) for q in r.get("requests", []))
    new = keyed((e["item"]["name"], e) for e in nm["run"]["executions"])
    diff = []
    for key in list(new) + [k for k in dec if k not in new]:
        q, e = dec.get(key), new.get(key)
        d_fail = sum(1 for a in (q or {}).get("assertions", []) if not a["passed"]) if q else None
        d_tot = len(q.get("assertions", [])) if q else None
        n_fail = sum(1 for a in (e or {}).get("assertions", []) if a.get("error")) if e else None
        n_tot = len(e.get("assertions", [])) if e else None
        if (d_fail, d_tot) != (n_fail, n_tot):
            d_status = q.get("status") if q else "-"
            resp = (e or {}).get("response") or {}
            n_status = resp.get("code", "error" if e and e.get("requestError") else "-")
            label = key[0] + (f" #{key[1] + 1}" if key[1] else "")
            diff.append(f"| {label} | {d_status} | {d_fail}/{d_tot} | {n_status} | {n_fail}/{n_tot} |")
    if diff:
        details.append(f"\n**{n}** - requests whose failed-assertion counts differ\n\n"
                       "| request | decaybench status | decaybench failed/total | Newman status | Newman failed/total |\n"
                       "|---|---|---|---|---|\n" + "\n".join(diff))

print("| app | decaybench passed/total | decaybench A% | Newman passed/total | Newman A% | match |")
print("|---|---|---|---|---|---|")
print("\n".join(rows))
for d in details:
    print(d)
sys.exit(1 if mismatch else 0)
PY
