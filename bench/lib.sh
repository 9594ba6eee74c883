# Shared helpers of the bench scripts (sourced). Times are wall-clock medians in ms; the
# figures that matter are ratios taken in the same run.

now_ms() { date +%s%N | cut -c1-13; }

# median_ms CMD...: the median wall time of RUNS runs of CMD, in ms.
median_ms() {
  i=0
  while [ $i -lt "$RUNS" ]; do
    t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms)
    echo $((t1 - t0)); i=$((i + 1))
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# peak_kb CMD...: the peak resident set of one run of CMD, in KiB.
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# ratio A B: A / B with two decimals (B of 0 counts as 1).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }'; }

# machine: one line describing where the figures were taken.
machine() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
    "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(uname -r)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
