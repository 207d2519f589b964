#!/usr/bin/env bash
# Measures how coding throughput scales from 1 to N single-threaded silos on this host (docs/cluster.md,
# "Throughput and cost"), and where the CPU time goes: CPU seconds per document for every silo, the submitter and
# PostgreSQL (all its processes), read from /proc before and after the timed submission. Wall time depends on what
# else runs on the machine, CPU per document much less (a crowded machine still inflates it through cache misses):
# on a shared machine compare the CPU columns, and take the speed-up only from a run on an otherwise idle host.
# "submit ms*" leaves out the submitter's start-up (measured on a one-document submission) but not the JIT's
# tier-up of its hot paths during the run, a few seconds of CPU that only long runs amortise.
#
# usage: bench/cluster-scaling.sh [--silos "1 2"] [--docs 4000] [--warm 1500] [--item-size 16] [--corpus F]
#                                 [--threads-detail] [--keep]
#   Needs: a Release build of src/Dyad.Cli (built when missing), PostgreSQL's initdb/pg_ctl, /usr/bin/time.
#   The corpus defaults to `dotnet run --project bench/Dyad.Bench -- code-corpus F 50000` (generated once into the
#   work folder). Each silo is warmed up on --warm documents of its own (JIT tier-up, caches), then --docs further
#   lines are timed, each silo count into a fresh database. Every silo count warms up on the same documents (--warm
#   times the largest silo count), so every database holds the same documents before the timed run, and the timed
#   run must store the same mentions, events and merges whatever the silo count: the script says whether it did.
#   DYAD_DLL=path/dyad.dll measures another build.
#   Environment for the silos (e.g. DOTNET_TieredPGO=0) passes through.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
silo_counts="1 2"; docs=4000; warm=1500; item_size=""; corpus=""; detail=0; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silo_counts=$2; shift 2 ;;
    --docs) docs=$2; shift 2 ;;
    --warm) warm=$2; shift 2 ;;
    --item-size) item_size=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --threads-detail) detail=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

dll="${DYAD_DLL:-$root/src/Dyad.Cli/bin/Release/net10.0/dyad.dll}"
[ -f "$dll" ] || dotnet build -c Release "$root/src/Dyad.Cli" >/dev/null
dyad() { dotnet "$dll" "$@"; }

work=$(mktemp -d /tmp/dyad-scaling.XXXXXX)
tick=$(getconf CLK_TCK)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "${pgctl:-}" ]; then as_pg "$pgctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

if [ -z "$corpus" ]; then
  corpus="$work/corpus.jsonl"
  dotnet run -c Release --project "$root/bench/Dyad.Bench" -- code-corpus "$corpus" 50000 >/dev/null
fi
# Each silo is warmed up on at least --warm documents of its own (the submitter spreads the warm-up set over the
# silos), so the JIT's tier-up of the coding path is over before the timed run. The warm-up set is the same for every
# silo count (stored documents take part in deduplication); the timed documents follow it.
max_silos=0; for n in $silo_counts; do [ "$n" -gt "$max_silos" ] && max_silos=$n; done
sed -n "$((warm * max_silos + 1)),$((warm * max_silos + docs))p" "$corpus" > "$work/timed.jsonl"
[ "$(wc -l < "$work/timed.jsonl")" -eq "$docs" ] || { echo "corpus $corpus has fewer than $((warm * max_silos + docs)) lines" >&2; exit 1; }

# PostgreSQL on a free loopback port, configured like the tests' server (tests/Shared/Postgres/PostgresServer.cs).
pgbin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
pgctl="$pgbin/pg_ctl"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
as_pg "$pgctl" -D "$work/pg" -l "$work/pg.log" -w start -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
postmaster=$(head -1 "$work/pg/postmaster.pid")

# CPU ticks of one process (user + system).
cpu_of() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# CPU ticks of PostgreSQL: the postmaster, its live children, and the children it already reaped.
pg_cpu() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$postmaster" '{ pid = $1; sub(/^.*\) /, "")
    if (pid == pm) t += $12 + $13 + $14 + $15; else if ($2 == pm) t += $12 + $13 } END { print t }' || true
}
# CPU ticks of a process's live threads ("tid name ticks" lines).
threads_of() {
  for t in /proc/"$1"/task/*/stat; do
    awk '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); sub(/^.*\) /, ""); gsub(/ /, "_", name); print FILENAME, name, $12 + $13 }' "$t" 2>/dev/null || true
  done
}

declare -A silo_ticks
size_args=(); [ -n "$item_size" ] && size_args=(--item-size "$item_size")
printf '%-6s %-9s %-8s %-10s %-28s %-11s %-11s %-11s\n' silos docs/s wall speedup "silo cpu ms/doc (each)" "submit ms*" "postgres ms" "total ms/doc"
base_rate=""
for n in $silo_counts; do
  db="bench$n"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db" >/dev/null
  store="postgres://postgres@127.0.0.1:$port/$db"
  gateways=""; primary=""; silo_pids=()
  for i in $(seq 1 "$n"); do
    sp=$(free_port); gp=$(free_port)
    args=(cluster silo --store "$store" --clustering dev --port "$sp" --gateway-port "$gp" --threads 1)
    [ -n "$primary" ] && args+=(--primary "$primary")
    dotnet "$dll" "${args[@]}" > "$work/silo$n-$i.log" 2>&1 &
    pid=$!; pids+=("$pid"); silo_pids+=("$pid")
    until grep -qs '^dyad cluster silo:' "$work/silo$n-$i.log"; do
      kill -0 "$pid" 2>/dev/null || { cat "$work/silo$n-$i.log" >&2; exit 1; }
      sleep 0.5
    done
    [ -z "$primary" ] && primary="127.0.0.1:$sp"
    gateways="${gateways:+$gateways,}127.0.0.1:$gp"
  done
  sed -n "1,$((warm * max_silos))p" "$corpus" > "$work/warm.jsonl"
  dyad cluster submit "$work/warm.jsonl" --gateway "$gateways" "${size_args[@]}" --no-progress > "$work/warm$n.log" 2>&1
  # The submitter's fixed cost (start-up, connecting, closing the run), measured on one already stored document.
  head -n 1 "$work/warm.jsonl" > "$work/one.jsonl"
  /usr/bin/time -f '%e %U %S' -o "$work/fixed$n" dotnet "$dll" cluster submit "$work/one.jsonl" --gateway "$gateways" --no-progress > /dev/null 2>&1
  before_silos=(); for p in "${silo_pids[@]}"; do before_silos+=("$(cpu_of "$p")"); done
  before_pg=$(pg_cpu)
  if [ "$detail" = 1 ]; then for p in "${silo_pids[@]}"; do threads_of "$p" > "$work/threads-$p.before"; done; fi
  /usr/bin/time -f '%e %U %S' -o "$work/time$n" dotnet "$dll" cluster submit "$work/timed.jsonl" --gateway "$gateways" \
    "${size_args[@]}" --no-progress > "$work/submit$n.log" 2>&1
  after_pg=$(pg_cpu)
  read -r wall user sys < "$work/time$n"
  rate=$(grep -o '[0-9.]* documents/s' "$work/submit$n.log" | awk '{ print $1 }')
  [ -n "$rate" ] || { cat "$work/submit$n.log" >&2; exit 1; }
  per_silo=""; silo_total=0
  for k in "${!silo_pids[@]}"; do
    d=$(( $(cpu_of "${silo_pids[$k]}") - before_silos[k] )); silo_ticks[${silo_pids[$k]}]=$d
    silo_total=$((silo_total + d))
    per_silo="$per_silo$(awk -v d="$d" -v t="$tick" -v n="$docs" 'BEGIN { printf "%.2f ", 1000 * d / t / n }')"
  done
  [ -z "$base_rate" ] && base_rate=$rate
  awk -v n="$n" -v rate="$rate" -v wall="$wall" -v base="$base_rate" -v silos="$per_silo" -v st="$silo_total" \
      -v sub_cpu="$(awk -v u="$user" -v s="$sys" -v f="$(cat "$work/fixed$n")" 'BEGIN { split(f, a, " "); print u + s - a[2] - a[3] }')" -v pg=$((after_pg - before_pg)) -v t="$tick" -v docs="$docs" 'BEGIN {
    printf "%-6s %-9s %-8s %-10s %-28s %-11.2f %-11.2f %-11.2f\n", n, rate, wall, sprintf("%.2fx", rate / base), silos,
      1000 * sub_cpu / docs, 1000 * pg / t / docs, 1000 * (st / t + sub_cpu + pg / t) / docs }'
  if [ "$detail" = 1 ]; then
    for p in "${silo_pids[@]}"; do
      echo "  silo $p threads (CPU ms per document, live threads):"
      # Per thread id, so that threads replaced during the run (thread-pool workers retire) are not mixed up.
      threads_of "$p" | awk -v t="$tick" -v docs="$docs" -v before="$work/threads-$p.before" -v total="${silo_ticks[$p]}" '
        BEGIN { while ((getline line < before) > 0) { split(line, a, " "); b[a[1]] = a[3] } }
        { d = $3 - b[$1]; live += d; by[$2] += d }
        END { for (n in by) if (by[n] > 0) printf "    %-28s %.3f\n", n, 1000 * by[n] / t / docs
              printf "    %-28s %.3f\n", "(threads that exited)", 1000 * (total - live) / t / docs }'
    done
  fi
  grep -h 'dyad cluster:' "$work/submit$n.log" | tail -1 | sed 's/^/  /'
  # What the timed run stored, which must not depend on the silo count (the cluster commits in input order).
  grep -ho 'stored .* into earlier events' "$work/submit$n.log" | tail -1 >> "$work/stored"
  awk '{ printf "  submitter fixed cost (start-up, connect, close; left out of submit ms*): %.2f s CPU\n", $2 + $3 }' "$work/fixed$n"
  for p in "${silo_pids[@]}"; do kill -TERM "$p"; done
  for p in "${silo_pids[@]}"; do wait "$p" || true; done
  pids=()
done
if [ "$(sort -u "$work/stored" | wc -l)" -eq 1 ]; then
  echo "every silo count stored the same: $(head -1 "$work/stored")"
else
  echo "silo counts stored different results:" >&2; sed 's/^/  /' "$work/stored" >&2; exit 1
fi
