// Runs bench/crew_runner_bench (Kontor) and run.mjs (LangGraph.js) alternately, several
// rounds in one session, so both sides see the same machine load; prints each round and a
// Markdown table of the medians: wall and CPU time per task (per node), and the ratios. Then
// the ratio of each round (SqliteSaver over Kontor durable, the two measured back to back):
// median, range and how many rounds reach 20×, which a load swing between rounds moves less
// than the ratio of medians. Usage: node compare.mjs BENCH_BINARY [rounds=9]
// [langgraph_runs=200] [min_time=0.5]
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [binary, roundsArg, runsArg, minTimeArg] = process.argv.slice(2);
if (!binary) {
  console.error("usage: node compare.mjs BENCH_BINARY [rounds] [langgraph_runs] [min_time]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 9);
const runs = String(runsArg ?? 200);
const minTime = String(minTimeArg ?? 0.5);
const here = dirname(fileURLToPath(import.meta.url));

const samples = {};  // name → [{wall, cpu}] per task, µs
const add = (name, wall, cpu) => (samples[name] ??= []).push({ wall, cpu });

function kontorRound() {
  const out = execFileSync(binary, ["--benchmark_format=json", `--benchmark_min_time=${minTime}`,
                                    "--benchmark_filter=^BM_(Chain3|Fanout5)_"],
                           { encoding: "utf8", maxBuffer: 1 << 24 });
  for (const b of JSON.parse(out).benchmarks) {
    const name = b.name.replace(/^BM_/, "").replace(/\/.*$/, "").toLowerCase();
    add(`kontor_${name}`, b.per_task * 1e6, b.cpu_per_task * 1e6);
  }
}

function langgraphRound() {
  const out = execFileSync("node", [join(here, "run.mjs"), runs], { encoding: "utf8", cwd: here });
  for (const line of out.trim().split("\n")) {
    const row = JSON.parse(line);
    if (row.us_per_node !== undefined && !row.name.startsWith("warmup")) {
      add(`langgraph_${row.name}`, row.us_per_node, row.cpu_us_per_node);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const us = (x) => (x >= 100 ? Math.round(x).toLocaleString("en").replace(/,/g, " ") : x.toFixed(1));

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
console.error(`start ${new Date().toISOString()} load ${load()}`);
for (let r = 1; r <= rounds; ++r) {
  // Alternate which side goes first, so a load trend does not favour one of them.
  if (r % 2) { kontorRound(); langgraphRound(); } else { langgraphRound(); kontorRound(); }
  const line = Object.entries(samples).map(([n, v]) => `${n}=${us(v.at(-1).wall)}`).join(" ");
  console.error(`round ${r}: ${line}`);
}

const m = (name, key) => median(samples[name].map((s) => s[key]));
console.log("| DAG | time per task | Kontor memory | Kontor SQLite (NORMAL) | Kontor SQLite (FULL) " +
            "| LangGraph MemorySaver | LangGraph SqliteSaver | SQLite NORMAL vs SqliteSaver |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [dag, label] of [["chain3", "chain of 3"], ["fanout5", "fan-out 5 (7 tasks)"]]) {
  for (const [key, what] of [["wall", "wall"], ["cpu", "CPU"]]) {
    const durable = m(`kontor_${dag}_sqlite`, key);
    const saver = m(`langgraph_${dag}_sqlite`, key);
    console.log(`| ${label} | ${what} | ${us(m(`kontor_${dag}_memory`, key))} µs | ${us(durable)} µs ` +
                `| ${us(m(`kontor_${dag}_sqlitefull`, key))} µs | ${us(m(`langgraph_${dag}_memory`, key))} µs ` +
                `| ${us(saver)} µs | ${(saver / durable).toFixed(1)}× faster |`);
  }
}
console.log(`\n(medians of ${rounds} alternating rounds; LangGraph ${runs} runs per measurement)`);

// Paired: each round's SqliteSaver figure over the Kontor figure of the same round.
console.log("\n| DAG | time | paired ratio, median | min – max | rounds ≥ 20× |");
console.log("|---|---|---|---|---|");
for (const [dag, label] of [["chain3", "chain of 3"], ["fanout5", "fan-out 5"]]) {
  for (const key of ["wall", "cpu"]) {
    const ratios = samples[`kontor_${dag}_sqlite`].map(
        (k, i) => samples[`langgraph_${dag}_sqlite`][i][key] / k[key]);
    const at20 = ratios.filter((x) => x >= 20).length;
    console.log(`| ${label} | ${key === "cpu" ? "CPU" : "wall"} | ${median(ratios).toFixed(1)}× ` +
                `| ${Math.min(...ratios).toFixed(1)}× – ${Math.max(...ratios).toFixed(1)}× ` +
                `| ${at20} of ${ratios.length} |`);
  }
}
console.log(`\n(${new Date().toISOString()}, load ${load()} at the end)`);
