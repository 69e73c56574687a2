#!/usr/bin/env bash
# Runs whole-process benchmarks interleaved: round after round, each command once per round, so that the
# machine's load falls on all of them alike. Prints, per command, the median and range of wall time, of CPU time
# (user + system, which a busy machine disturbs less) and of peak RSS (GNU time's %M), and the load average before
# and after.
#   tests/bench/interleave.sh ROUNDS 'label=command' ['label=command' ...]
# A command runs under bash -c with its output discarded; a fresh state directory is its own business
# (e.g. 'now=rm -rf /tmp/s && ./jbang refresh-cdn --state-dir /tmp/s ...'). Exit status other than 0 is reported.
set -euo pipefail
[[ -x /usr/bin/time ]] || { echo "interleave.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
rounds=$1
shift
labels=()
commands=()
for spec in "$@"; do
  labels+=("${spec%%=*}")
  commands+=("${spec#*=}")
done
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= rounds; round++)); do
  for i in "${!commands[@]}"; do
    if ! /usr/bin/time -f "${labels[$i]} %e %M %U %S" -a -o "$results" bash -c "${commands[$i]}" >/dev/null 2>&1; then
      echo "round $round: ${labels[$i]} failed" >&2
    fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^Command' "$results" | awk '
  { wall[$1] = wall[$1] " " $2; rss[$1] = rss[$1] " " $3; cpu[$1] = cpu[$1] " " ($4 + $5); if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
  function stats(list, scale, fmt,   a, k, i, j, t, m) {
    k = split(list, a, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    m = k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    return sprintf(fmt " (" fmt "-" fmt ")", m / scale, a[1] / scale, a[k] / scale)
  }
  END {
    for (i = 0; i < n; i++) {
      l = order[i]
      printf "%-12s wall %s s   CPU %s s   peak RSS %s MB   (%d runs)\n", l, stats(wall[l], 1, "%.2f"),
        stats(cpu[l], 1, "%.2f"), stats(rss[l], 1024, "%.0f"), split(wall[l], x, " ")
    }
  }'
