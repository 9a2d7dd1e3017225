// Command agbench generates a synthetic corpus and measures actorgraph
// against its peers on it: extraction throughput on one core and on all
// cores, prose v3's tokenizer and NER on the same texts, and Gizmo query
// latency on a bolt store. bench/run.sh drives it; BENCHMARKS.md reports
// the figures.
//
//	agbench gen -n N -seed S -o FILE.jsonl
//	agbench extract [-rounds 3] [-o FILE.nq] FILE.jsonl
//	agbench prose [-max N] FILE.jsonl
//	agbench query -db DIR [-n 200] [FILE.js...]
//
// Every measuring subcommand ends with one line "RESULT key=value ...",
// for scripts.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/actorgraph/actorgraph/corpus"
	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: agbench gen|extract|prose|query [flags]")
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "gen":
		err = gen(args)
	case "extract":
		err = extractCmd(args)
	case "prose":
		err = proseCmd(args)
	case "query":
		err = queryCmd(args)
	default:
		fmt.Fprintf(os.Stderr, "agbench: unknown subcommand %q\n", os.Args[1])
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "agbench:", err)
		os.Exit(1)
	}
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Int64("seed", 1, "random seed")
	out := fs.String("o", "", "output file (default standard output)")
	fs.Parse(args)
	w := io.Writer(os.Stdout)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return corpus.Generate(*seed, *n, w)
}

func readDocs(path string) ([]extract.Document, int64, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	docs, errs := extract.ReadDocuments(path, bufio.NewReaderSize(f, 1<<20), extract.ReadOptions{})
	if len(errs) > 0 {
		return nil, 0, 0, fmt.Errorf("read %s: %w (and %d more)", path, errs[0], len(errs)-1)
	}
	var bytes int64
	sents := 0
	for _, d := range docs {
		bytes += int64(len(d.Text))
		sents += len(extract.Split(d.Text, extract.Tokenize(d.Text)))
	}
	return docs, bytes, sents, nil
}

// inUse returns, after a collection, the memory that the runtime counts
// against its soft limit: all it has mapped but what it gave back.
func inUse() int64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// timing is one run's wall and CPU time.
type timing struct{ wall, cpu time.Duration }

// minPassBytes is the least text agbench extract times per round, in
// passes over the corpus; sliceBytes is the text of one timed slice.
const (
	minPassBytes = 30e6
	sliceBytes   = 3e6
)

// cut splits docs into consecutive slices of equal text, as many as
// make slices of about sliceBytes (at least one).
func cut(docs []extract.Document, total int64) [][]extract.Document {
	k := max(1, int(math.Round(float64(total)/sliceBytes)))
	var out [][]extract.Document
	var n int64
	start := 0
	for i, d := range docs {
		n += int64(len(d.Text))
		if n*int64(k) >= total*int64(len(out)+1) && len(out) < k-1 {
			out = append(out, docs[start:i+1])
			start = i + 1
		}
	}
	return append(out, docs[start:])
}

// run applies fn to every document with the given number of workers and
// GOMAXPROCS, and returns the wall and CPU time.
func run(docs []extract.Document, procs int, fn func(extract.Document) error) (timing, error) {
	return runN(len(docs), procs, func(i int) error { return fn(docs[i]) })
}

// runN applies fn to 0..n-1 with the given number of workers and
// GOMAXPROCS, and returns the wall and CPU time.
func runN(n, procs int, fn func(int) error) (timing, error) {
	old := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(old)
	runtime.GC()
	var (
		wg   sync.WaitGroup
		once sync.Once
		ferr error
	)
	// Each worker claims the next index itself. A feeder goroutine with a
	// channel would be a third goroutine on procs cores: woken each time
	// the buffer drains, it takes a core from a worker (A/B at 1k, 16
	// pairs of runs: median speedup 1.73x with the feeder, 1.87x
	// without, higher in 14 pairs; the control's rose too, 1.92x to
	// 1.98x).
	var next atomic.Int64
	start, cpu0 := time.Now(), cpuTime()
	for range procs {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { ferr = err })
				}
			}
		})
	}
	wg.Wait()
	return timing{time.Since(start), cpuTime() - cpu0}, ferr
}

type counts struct {
	quads, stmts, ents, nqByte int64
}

func extractCmd(args []string) error {
	fs := flag.NewFlagSet("extract", flag.ExitOnError)
	out := fs.String("o", "", "also write the N-Quads of the one-core run to this file")
	rounds := fs.Int("rounds", 3, "time the corpus (at least 30 MB of it) this many times, each slice on one core and on all cores")
	cpuprofile := fs.String("cpuprofile", "", "after the timed rounds, run the corpus once more on one core, untimed, and write its CPU profile to this file")
	fs.Parse(args)
	if *rounds < 1 {
		return errors.New("extract: -rounds must be at least 1")
	}
	if fs.NArg() != 1 {
		return errors.New("extract: want one FILE.jsonl")
	}
	x, err := extract.New(data.FS)
	if err != nil {
		return err
	}
	before := inUse()
	docs, bytes, sents, err := readDocs(fs.Arg(0))
	if err != nil {
		return err
	}
	// The collector as `actorgraph extract` sets it (cmd/actorgraph's
	// extractGC: GOGC=400, a 100 MiB soft limit), the limit raised by what
	// the corpus takes, which agbench holds and the command streams.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(inUse() - before + 100<<20)
	}
	ncpu := runtime.NumCPU()
	fmt.Printf("%d documents, %.2f MB of text, %d sentences, %d cores\n", len(docs), float64(bytes)/1e6, sents, ncpu)

	var nq io.Writer = io.Discard
	var bw *bufio.Writer
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		bw = bufio.NewWriterSize(f, 1<<20)
		nq = bw
	}
	// Warm up, untimed: the first documents pay for the heap's growth and
	// the pools' filling, which a small corpus would otherwise charge to
	// the one-core run, the first.
	warm := docs[:min(len(docs), max(100, len(docs)/20), 1000)]
	if _, err := run(warm, 1, func(d extract.Document) error {
		xr, err := x.Extract(d)
		if err != nil {
			return err
		}
		graph.AppendNQuads(nil, xr)
		return nil
	}); err != nil {
		return err
	}
	// A small corpus is timed over several passes, at least minPassBytes
	// in all, so that a round lasts a few seconds.
	passes := max(1, int((minPassBytes+bytes-1)/bytes))
	// The machine is shared, and its speed drifts by a third within
	// seconds (a neighbour's load shows as a slower core, not as steal
	// time). So the corpus is cut into slices of about 3 MB, and each
	// slice runs on one core and on all cores back to back, the order
	// alternating: the two runs of a pair see the same machine, and the
	// speedup is the median of the pairs' ratios. The rates are the
	// totals' (all text over all time). Counts, output and the stage
	// split come from the first pass's one-core runs.
	var (
		c                counts
		tExtract, tQuads time.Duration
		buf              []byte
		pairs            []pair
		perRound         []pair
		bufs             = sync.Pool{New: func() any { return new([]byte) }}
		sliced           = cut(docs, bytes)
		sliceText        = make([]int64, len(sliced)) // each slice's bytes of text
		firstPass        time.Duration                // the first pass's one-core time
		controls         []float64                    // the control's speedup, pair by pair
		spins            []float64                    // the control's µs per spin on one core, pair by pair
	)
	oneFn := func(first bool) func(extract.Document) error {
		return func(d extract.Document) error {
			if !first {
				xr, err := x.Extract(d)
				if err != nil {
					return err
				}
				buf = graph.AppendNQuads(buf[:0], xr)
				return nil
			}
			t0 := time.Now()
			xr, err := x.Extract(d)
			if err != nil {
				return err
			}
			t1 := time.Now()
			buf = graph.AppendNQuads(buf[:0], xr)
			tExtract += t1.Sub(t0)
			tQuads += time.Since(t1)
			if _, err := nq.Write(buf); err != nil {
				return err
			}
			c.quads += lineCount(buf)
			c.stmts += int64(len(xr.Statements))
			c.ents += int64(len(xr.Entities))
			c.nqByte += int64(len(buf))
			return nil
		}
	}
	// All cores: same work, output discarded; each worker reuses its
	// buffer, as the one-core run does and actorgraph extract's pool.
	allFn := func(d extract.Document) error {
		xr, err := x.Extract(d)
		if err != nil {
			return err
		}
		b := bufs.Get().(*[]byte)
		*b = graph.AppendNQuads((*b)[:0], xr)
		bufs.Put(b)
		return nil
	}
	for k, sl := range sliced {
		for _, d := range sl {
			sliceText[k] += int64(len(d.Text))
		}
	}
	for round := range *rounds {
		var sum pair
		for pass := range passes {
			for k, sl := range sliced {
				p := pair{bytes: sliceText[k]}
				one := func() (err error) {
					p.one, err = run(sl, 1, oneFn(round == 0 && pass == 0))
					return err
				}
				all := func() (err error) {
					p.all, err = run(sl, ncpu, allFn)
					return err
				}
				first, second := one, all
				if len(pairs)%2 == 1 {
					first, second = all, one
				}
				if err := first(); err != nil {
					return err
				}
				if err := second(); err != nil {
					return err
				}
				// The control, right after: arithmetic that touches no
				// memory, on one core and on all, in the same order.
				var c1, cN timing
				if len(pairs)%2 == 0 {
					c1, cN = controlRun(1), controlRun(ncpu)
				} else {
					cN, c1 = controlRun(ncpu), controlRun(1)
				}
				controls = append(controls, c1.wall.Seconds()/cN.wall.Seconds())
				spins = append(spins, c1.wall.Seconds()/controlTasks*1e6)
				pairs = append(pairs, p)
				if round == 0 && pass == 0 {
					firstPass += p.one.wall
				}
				sum = sum.add(p)
			}
		}
		perRound = append(perRound, sum)
		if round == 0 && bw != nil {
			if err := bw.Flush(); err != nil {
				return err
			}
		}
	}
	if *cpuprofile != "" {
		// Untimed: the corpus's passes once more on one core, profiled.
		if err := profileOne(*cpuprofile, passes, docs, oneFn(false)); err != nil {
			return err
		}
	}
	var total pair
	ratios := make([]float64, len(pairs))
	for i, p := range pairs {
		total = total.add(p)
		ratios[i] = p.one.wall.Seconds() / p.all.wall.Seconds()
	}
	slices.Sort(ratios)
	slices.Sort(controls)
	slices.Sort(spins)
	quantile := func(xs []float64, f float64) float64 { return xs[int(f*float64(len(xs)-1)+0.5)] }
	q := func(f float64) float64 { return quantile(ratios, f) }
	speedup := q(0.5)
	control := quantile(controls, 0.5)
	mbs := func(d time.Duration) float64 { return float64(total.bytes) / 1e6 / d.Seconds() }
	// Per corpus pass, for the per-second counts.
	perPass := func(d time.Duration) float64 { return d.Seconds() / float64(passes**rounds) }
	fmt.Printf("timed %d passes of the corpus in %d rounds: %d slices of %.1f MB, each run on 1 and on %d cores back to back\n",
		passes**rounds, *rounds, len(pairs), float64(bytes)/float64(len(sliced))/1e6, ncpu)
	var r1, rN []string
	for _, r := range perRound {
		r1 = append(r1, fmt.Sprintf("%.2f", float64(r.bytes)/1e6/r.one.wall.Seconds()))
		rN = append(rN, fmt.Sprintf("%.2f", float64(r.bytes)/1e6/r.all.wall.Seconds()))
	}
	fmt.Printf("rounds: one core %s, %d cores %s MB/s\n", strings.Join(r1, " "), ncpu, strings.Join(rN, " "))
	fmt.Printf("speedup of the %d pairs: median %.2fx, quartiles %.2f-%.2f, range %.2f-%.2f; of the totals %.2fx\n",
		len(ratios), speedup, q(0.25), q(0.75), ratios[0], ratios[len(ratios)-1], total.one.wall.Seconds()/total.all.wall.Seconds())
	fmt.Printf("control (arithmetic, no memory, after each pair): median %.2fx, quartiles %.2f-%.2f; extraction scales %.0f%% as well as the machine did; one spin on one core %.0f µs (quartiles %.0f-%.0f): the machine's speed\n",
		control, quantile(controls, 0.25), quantile(controls, 0.75), 100*speedup/control, quantile(spins, 0.5), quantile(spins, 0.25), quantile(spins, 0.75))
	// The stage split of the first pass's one-core runs.
	shareExtract, shareQuads := tExtract.Seconds()/firstPass.Seconds(), tQuads.Seconds()/firstPass.Seconds()
	perFact := float64(c.quads) / float64(max(c.stmts, 1))
	fmt.Printf("1 core:   %6.2f MB/s  %8.0f sentences/s  %7.0f docs/s  %6.2f MB per CPU-second  (extract %.0f%%, quads+N-Quads %.0f%%)\n",
		mbs(total.one.wall), float64(sents)/perPass(total.one.wall), float64(len(docs))/perPass(total.one.wall), mbs(total.one.cpu),
		100*shareExtract, 100*shareQuads)
	fmt.Printf("%d cores:  %6.2f MB/s  %8.0f sentences/s  %7.0f docs/s  %6.2f MB per CPU-second  speedup %.2fx (median of pairs)\n",
		ncpu, mbs(total.all.wall), float64(sents)/perPass(total.all.wall), float64(len(docs))/perPass(total.all.wall), mbs(total.all.cpu), speedup)
	fmt.Printf("output:   %d quads (%.1f MB N-Quads), %d statements, %d entity mentions; %.1f quads/statement, %.1f quads/KB of text\n",
		c.quads, float64(c.nqByte)/1e6, c.stmts, c.ents, perFact, float64(c.quads)/(float64(bytes)/1e3))
	fmt.Printf("RESULT docs=%d bytes=%d sentences=%d cores=%d mbs1=%.3f mbsN=%.3f cpu_mbs1=%.3f sps1=%.0f spsN=%.0f speedup=%.3f speedup_q1=%.3f speedup_q3=%.3f speedup_total=%.3f control_speedup=%.3f spin_us=%.1f pairs=%d quads=%d statements=%d quads_per_fact=%.2f extract_share=%.3f rounds=%d\n",
		len(docs), bytes, sents, ncpu, mbs(total.one.wall), mbs(total.all.wall), mbs(total.one.cpu),
		float64(sents)/perPass(total.one.wall), float64(sents)/perPass(total.all.wall),
		speedup, q(0.25), q(0.75), total.one.wall.Seconds()/total.all.wall.Seconds(), control, quantile(spins, 0.5), len(pairs),
		c.quads, c.stmts, perFact, shareExtract, *rounds)
	return nil
}

// profileOne writes a CPU profile of passes runs over docs on one core.
func profileOne(name string, passes int, docs []extract.Document, fn func(extract.Document) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	for range passes {
		if _, err := run(docs, 1, fn); err != nil {
			pprof.StopCPUProfile()
			return err
		}
	}
	pprof.StopCPUProfile()
	return f.Close()
}

// controlTasks is the control's work per run, in spin calls.
const controlTasks = 64

var spinSink atomic.Uint64

// spin is the control's unit of work: about half a millisecond of
// shifts and xors in registers, touching no memory, so that its speedup
// on all cores is what the machine gives, whatever the code.
func spin(seed uint64) uint64 {
	x := seed | 1
	for range 300_000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// controlRun times controlTasks spins on procs workers.
func controlRun(procs int) timing {
	t, _ := runN(controlTasks, procs, func(i int) error {
		spinSink.Add(spin(uint64(i)))
		return nil
	})
	return t
}

// pair is one slice's run on one core and on all cores, and its text.
type pair struct {
	one, all timing
	bytes    int64
}

func (p pair) add(q pair) pair {
	return pair{
		one:   timing{p.one.wall + q.one.wall, p.one.cpu + q.one.cpu},
		all:   timing{p.all.wall + q.all.wall, p.all.cpu + q.all.cpu},
		bytes: p.bytes + q.bytes,
	}
}

func lineCount(b []byte) int64 { return int64(bytes.Count(b, []byte{'\n'})) }

func proseCmd(args []string) error {
	fs := flag.NewFlagSet("prose", flag.ExitOnError)
	maxDocs := fs.Int("max", 300, "measure at most this many documents (prose NER is slow); 0 for all")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return errors.New("prose: want one FILE.jsonl")
	}
	docs, _, _, err := readDocs(fs.Arg(0))
	if err != nil {
		return err
	}
	if *maxDocs > 0 && len(docs) > *maxDocs {
		docs = docs[:*maxDocs]
	}
	var bytes int64
	sents := 0
	for _, d := range docs {
		bytes += int64(len(d.Text))
		sents += len(extract.Split(d.Text, extract.Tokenize(d.Text)))
	}
	// Load the models outside the timing.
	if _, err := prose.NewDocument("Warm up in Baghdad.", prose.WithSegmentation(false)); err != nil {
		return err
	}
	var mu sync.Mutex
	ents := 0
	// Tokenizer + NER only: no sentence segmentation. NER needs the POS
	// tagger, which prose turns on with it.
	fn := func(d extract.Document) error {
		pd, err := prose.NewDocument(d.Text, prose.WithSegmentation(false))
		if err != nil {
			return err
		}
		mu.Lock()
		ents += len(pd.Entities())
		mu.Unlock()
		return nil
	}
	one, err := run(docs, 1, fn)
	if err != nil {
		return err
	}
	ncpu := runtime.NumCPU()
	all, err := run(docs, ncpu, fn)
	if err != nil {
		return err
	}
	mbs := func(d time.Duration) float64 { return float64(bytes) / 1e6 / d.Seconds() }
	fmt.Printf("prose v3.2.3 tokenizer+NER on %d documents, %.2f MB\n", len(docs), float64(bytes)/1e6)
	fmt.Printf("1 core:   %6.3f MB/s  %8.0f sentences/s  %6.3f MB per CPU-second\n", mbs(one.wall), float64(sents)/one.wall.Seconds(), float64(bytes)/1e6/one.cpu.Seconds())
	fmt.Printf("%d cores:  %6.3f MB/s  %8.0f sentences/s  speedup %.2fx; %d entities (both runs)\n",
		ncpu, mbs(all.wall), float64(sents)/all.wall.Seconds(), one.wall.Seconds()/all.wall.Seconds(), ents)
	fmt.Printf("RESULT docs=%d bytes=%d sentences=%d mbs1=%.4f mbsN=%.4f cpu_mbs1=%.4f sps1=%.0f spsN=%.0f\n",
		len(docs), bytes, sents, mbs(one.wall), mbs(all.wall), float64(bytes)/1e6/one.cpu.Seconds(), float64(sents)/one.wall.Seconds(), float64(sents)/all.wall.Seconds())
	return nil
}

func queryCmd(args []string) error {
	fs := flag.NewFlagSet("query", flag.ExitOnError)
	db := fs.String("db", "", "bolt store directory")
	n := fs.Int("n", 200, "runs per query")
	limit := fs.Int("limit", 100, "result limit, as actorgraph query's --limit")
	timeout := fs.Duration("timeout", 30*time.Second, "per-query timeout")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the timed runs to this file")
	fs.Parse(args)
	if *db == "" {
		return errors.New("query: -db is required")
	}
	queries := graph.ExampleQueries
	if fs.NArg() > 0 { // other queries, one per file, to try a shape out
		queries = nil
		for _, name := range fs.Args() {
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			queries = append(queries, graph.ExampleQuery{Name: strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)), Gizmo: string(b)})
		}
	}
	st, err := graph.Open("bolt", *db, graph.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("store %s: %d quads, %d documents, %d entities, %d statements (%.1f quads/statement)\n",
		*db, stats.Quads, stats.Documents, stats.Entities, stats.Statements, float64(stats.Quads)/float64(max(stats.Statements, 1)))
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var res []string
	for _, q := range queries {
		var ds []time.Duration
		var results int
		for i := range *n + 1 {
			qctx, cancel := context.WithTimeout(ctx, *timeout)
			t0 := time.Now()
			out, err := st.Query(qctx, q.Gizmo, *limit)
			d := time.Since(t0)
			cancel()
			if err != nil {
				return fmt.Errorf("query %s: %w", q.Name, err)
			}
			if i == 0 {
				results = len(out) // the first run warms the page cache; not counted
				continue
			}
			ds = append(ds, d)
		}
		slices.Sort(ds)
		p50, p99 := ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*99/100)]
		fmt.Printf("%-9s %3d results  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", q.Name, results, ms(p50), ms(p99), ms(ds[len(ds)-1]))
		res = append(res, fmt.Sprintf("%s_p50=%.3f %s_p99=%.3f %s_results=%d", q.Name, ms(p50), q.Name, ms(p99), q.Name, results))
	}
	fmt.Printf("RESULT quads=%d %s\n", stats.Quads, strings.Join(res, " "))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }
