#!/usr/bin/env bash
# bench/run.sh: one end-to-end benchmark run of actorgraph against its peers,
# on a generated corpus. Usage:
#
#   bench/run.sh [SIZE...]          # article counts, default: 1000 10000
#
# For each size it generates the corpus (cmd/agbench gen, seed 1) and
# measures text → N-Quads throughput on one core and on all cores (agbench
# extract), all sizes first; then for each size it writes the N-Quads with
# `actorgraph extract`, loads the same articles into
# bolt with `actorgraph build` and the same N-Quads with Cayley v0.7.7's own
# `cayley load` (twice: with its defaults, and with build's store options),
# with peak RSS and CPU time from GNU time. Once per run it measures prose
# v3.2.3 tokenizer+NER on the first corpus and Gizmo latency of every README
# example on a bolt store of about 1M quads (QUERY_ARTICLES articles, default
# 3300). Then it prints a table of ratios. CAYLEY_NOSYNC=0 skips the second
# cayley load, for large sizes. Work files go to $WORK (default
# /tmp/agbench-work); it is kept for inspection.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
WORK=${WORK:-/tmp/agbench-work}
BIN=$WORK/bin
SEED=${SEED:-1}
QUERY_ARTICLES=${QUERY_ARTICLES:-3300}
QUERY_RUNS=${QUERY_RUNS:-200}
PROSE_DOCS=${PROSE_DOCS:-300}
CAYLEY_NOSYNC=${CAYLEY_NOSYNC:-1} # 0: skip the second cayley load (no_bloom + nosync)
mkdir -p "$WORK" "$BIN"

if [ ! -x /usr/bin/time ]; then
	echo "GNU time missing: apt-get install -y time" >&2
	apt-get install -y time >/dev/null
fi

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

log "building actorgraph and agbench"
go build -o "$BIN/actorgraph" ./cmd/actorgraph
go build -o "$BIN/agbench" ./cmd/agbench

# Cayley's command needs modules that actorgraph does not (graphql, sexp,
# mongo...), so it is built in a scratch module with the same cayley and
# quad versions as ours.
CAYLEY_VERSION=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
QUAD_VERSION=$(go list -m -f '{{.Version}}' github.com/cayleygraph/quad)
if [ ! -x "$BIN/cayley" ]; then
	log "building cayley $CAYLEY_VERSION (quad $QUAD_VERSION) from the module cache"
	mkdir -p "$WORK/cayley-mod"
	(
		cd "$WORK/cayley-mod"
		[ -f go.mod ] || go mod init agbench/cayley >/dev/null 2>&1
		GOFLAGS=-mod=mod go get "github.com/cayleygraph/cayley/cmd/cayley@$CAYLEY_VERSION" "github.com/cayleygraph/quad@$QUAD_VERSION" >/dev/null 2>&1
		CGO_ENABLED=0 go build -o "$BIN/cayley" github.com/cayleygraph/cayley/cmd/cayley
	)
fi

# timed FILE CMD...: run CMD under GNU time, print "wall_seconds max_rss_kb
# cpu_seconds" (user + system: the machine is shared, so wall time is noisy).
timed() {
	local out=$1
	shift
	/usr/bin/time -v -o "$out.time" "$@" >"$out.out" 2>"$out.err"
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
		/Maximum resident set size/ { rss = $2 }
		/User time \(seconds\)/ { cpu += $2 }
		/System time \(seconds\)/ { cpu += $2 }
		END { printf "%.2f %d %.2f\n", wall, rss, cpu }' "$out.time"
}

result() { # result FILE KEY: the value of KEY in FILE's RESULT line
	grep '^RESULT' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

declare -A R
# First the throughput of text → N-Quads at every size, back to back, so
# that these figures are taken within minutes of each other (the machine's
# speed drifts) and before the loads fill the page cache; then the rest.
for n in "${SIZES[@]}"; do
	c=$WORK/c$n.jsonl
	log "n=$n: generating"
	"$BIN/agbench" gen -n "$n" -seed "$SEED" -o "$c"
	R[$n,mb]=$(awk -v b="$(stat -c %s "$c")" 'BEGIN { printf "%.1f", b / 1e6 }')

	log "n=$n: agbench extract (1 core, all cores)"
	"$BIN/agbench" extract "$c" | tee "$WORK/extract-$n.txt" >&2
	for k in mbs1 mbsN cpu_mbs1 sps1 spsN speedup speedup_q1 speedup_q3 speedup_total control_speedup spin_us quads statements quads_per_fact bytes sentences; do
		R[$n,$k]=$(result "$WORK/extract-$n.txt" $k)
	done
done

first=""
for n in "${SIZES[@]}"; do
	c=$WORK/c$n.jsonl
	log "n=$n: actorgraph extract → N-Quads"
	read -r "R[$n,x_wall]" "R[$n,x_rss]" "R[$n,x_cpu]" < <(timed "$WORK/agx-$n" "$BIN/actorgraph" extract -o "$WORK/c$n.nq" "$c")
	R[$n,nq]=$(wc -l <"$WORK/c$n.nq")

	if [ -z "$first" ]; then
		first=$n
		log "prose v3 tokenizer+NER on the first $PROSE_DOCS articles of n=$n"
		"$BIN/agbench" prose -max "$PROSE_DOCS" "$c" | tee "$WORK/prose.txt" >&2
		read -r _ P_RSS _ < <(timed "$WORK/prose-rss" "$BIN/agbench" prose -max 50 "$c")
	fi

	log "n=$n: actorgraph build (bolt)"
	rm -rf "$WORK/ag-$n.db"
	read -r "R[$n,b_wall]" "R[$n,b_rss]" "R[$n,b_cpu]" < <(timed "$WORK/agb-$n" "$BIN/actorgraph" build --db "$WORK/ag-$n.db" "$c")
	# cayley load twice: with its defaults (bloom filters on, fsync per
	# batch), and with the options build uses (no_bloom, nosync), so
	# that the comparison is like for like.
	log "n=$n: cayley load (bolt, defaults)"
	rm -rf "$WORK/cay-$n.db"
	read -r "R[$n,c_wall]" "R[$n,c_rss]" "R[$n,c_cpu]" < <(timed "$WORK/cay-$n" "$BIN/cayley" load --db bolt --dbpath "$WORK/cay-$n.db" --init -i "$WORK/c$n.nq")
	R[$n,c_disk]=$(du -sm "$WORK/cay-$n.db" | cut -f1)
	if [ "$CAYLEY_NOSYNC" = 1 ]; then
		log "n=$n: cayley load (bolt, no_bloom + nosync)"
		rm -rf "$WORK/cay-$n.db"
		printf '{"store":{"backend":"bolt","address":"%s","options":{"nosync":true,"no_bloom":true}}}\n' "$WORK/cay-$n.db" >"$WORK/cay-$n.json"
		read -r "R[$n,s_wall]" "R[$n,s_rss]" "R[$n,s_cpu]" < <(timed "$WORK/cays-$n" "$BIN/cayley" load -c "$WORK/cay-$n.json" --init -i "$WORK/c$n.nq")
	else
		R[$n,s_wall]=0 R[$n,s_rss]=0 R[$n,s_cpu]=0
	fi
	R[$n,b_qps]=$(awk -v q="${R[$n,nq]}" -v t="${R[$n,b_wall]}" 'BEGIN { printf "%.0f", q / t }')
	R[$n,c_qps]=$(awk -v q="${R[$n,nq]}" -v t="${R[$n,c_wall]}" 'BEGIN { printf "%.0f", q / t }')
	R[$n,s_qps]=$(awk -v q="${R[$n,nq]}" -v t="${R[$n,s_wall]}" 'BEGIN { printf "%.0f", (t > 0 ? q / t : 0) }')
	R[$n,b_disk]=$(du -sm "$WORK/ag-$n.db" | cut -f1)
	rm -rf "$WORK/cay-$n.db"
done

log "Gizmo: building a store from $QUERY_ARTICLES articles"
q=$WORK/q$QUERY_ARTICLES.jsonl
"$BIN/agbench" gen -n "$QUERY_ARTICLES" -seed "$SEED" -o "$q"
rm -rf "$WORK/query.db"
"$BIN/actorgraph" build --db "$WORK/query.db" "$q" >&2
"$BIN/agbench" query -db "$WORK/query.db" -n "$QUERY_RUNS" | tee "$WORK/query.txt" >&2

P1=$(result "$WORK/prose.txt" mbs1)
PN=$(result "$WORK/prose.txt" mbsN)
PC=$(result "$WORK/prose.txt" cpu_mbs1)
P_SPS1=$(result "$WORK/prose.txt" sps1)

echo
echo "## machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3)"
echo
echo "## text → N-Quads (agbench extract) vs prose v3.2.3 tokenizer+NER (first $PROSE_DOCS articles)"
printf '| %-8s | %-8s | %-11s | %-10s | %-10s | %-12s | %-10s | %-11s | %-10s | %-10s | %-13s | %-9s |\n' \
	articles "MB text" "1 core MB/s" "CPU-s MB/s" "2-core MB/s" "2 cores / 1 (pairs: median, q1-q3; totals)" "control: 2 cores / 1, µs/spin" "sentences/s" "quads" "quads/fact" "× prose (1c)" "× prose (CPU)"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
	printf '| %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(awk -v b="${R[$n,bytes]}" 'BEGIN{print b/1e6}')" \
		"${R[$n,mbs1]}" "${R[$n,cpu_mbs1]}" "${R[$n,mbsN]}" "${R[$n,speedup]} (${R[$n,speedup_q1]}-${R[$n,speedup_q3]}; ${R[$n,speedup_total]})" "${R[$n,control_speedup]}, ${R[$n,spin_us]}" "${R[$n,sps1]}" "${R[$n,quads]}" "${R[$n,quads_per_fact]}" \
		"$(ratio "${R[$n,mbs1]}" "$P1")" "$(ratio "${R[$n,cpu_mbs1]}" "$PC")"
done
echo "prose: 1 core $P1 MB/s ($P_SPS1 sentences/s), $(nproc) cores $PN MB/s, $PC MB per CPU-second, peak RSS ${P_RSS} KB (50 articles)"
echo
echo "## bolt load: actorgraph build (articles → extract → bolt) vs cayley load (same N-Quads → bolt)"
echo "cayley: with its defaults (bloom on, fsync) and with build's options (no_bloom, nosync); CPU = user + system seconds"
echo "| articles | N-Quads lines | build s | build CPU-s | build quads/s | build RSS MB | cayley s | cayley CPU-s | cayley quads/s | cayley RSS MB | build / cayley | cayley nosync s | cayley nosync CPU-s | build / cayley nosync | build / cayley nosync (CPU) | extract (CLI) s | extract RSS MB | disk MB ag / cayley |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
	printf '| %s | %s | %s | %s | %s | %d | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %d | %s / %s |\n' "$n" "${R[$n,nq]}" "${R[$n,b_wall]}" "${R[$n,b_cpu]}" "${R[$n,b_qps]}" "$((R[$n,b_rss] / 1024))" \
		"${R[$n,c_wall]}" "${R[$n,c_cpu]}" "${R[$n,c_qps]}" "$((R[$n,c_rss] / 1024))" "$(ratio "${R[$n,b_qps]}" "${R[$n,c_qps]}")" \
		"${R[$n,s_wall]}" "${R[$n,s_cpu]}" "$(ratio "${R[$n,b_qps]}" "${R[$n,s_qps]}")" "$(ratio "${R[$n,s_cpu]}" "${R[$n,b_cpu]}")" \
		"${R[$n,x_wall]}" "$((R[$n,x_rss] / 1024))" "${R[$n,b_disk]}" "${R[$n,c_disk]}"
done
echo
echo "## Gizmo (README examples, $QUERY_RUNS runs each, bolt)"
grep -v '^RESULT' "$WORK/query.txt"
echo
echo "## growth (per article, relative to the first size)"
for n in "${SIZES[@]}"; do
	printf '%s articles: extract CLI %.2f ms/article, build %.2f ms/article, cayley %.2f ms/article\n' "$n" \
		"$(awk -v t="${R[$n,x_wall]}" -v n="$n" 'BEGIN{print 1000*t/n}')" \
		"$(awk -v t="${R[$n,b_wall]}" -v n="$n" 'BEGIN{print 1000*t/n}')" \
		"$(awk -v t="${R[$n,c_wall]}" -v n="$n" 'BEGIN{print 1000*t/n}')"
done
