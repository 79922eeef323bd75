// The crew runner benchmark's no-op DAGs (bench/crew_runner_bench.cc) in LangGraph.js: a 3-node
// chain and a 5-way fan-out between a start and an end node, each node returning an empty
// update, compiled with the in-memory checkpointer (MemorySaver) and the SQLite one
// (SqliteSaver, a file database), one new thread per run so every run checkpoints from scratch.
// Prints the wall time and the process CPU time (user + system) per run and per node, and the
// SqliteSaver's durability settings as SQLite reports them. Usage: npm install && node run.mjs
// [runs]; bench/langgraph/compare.mjs alternates it with bench/crew_runner_bench.
import { Annotation, END, MemorySaver, START, StateGraph } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const State = Annotation.Root({
  visits: Annotation({ reducer: (a, b) => a + b, default: () => 0 }),
});
const noop = () => ({ visits: 1 });

function chain3() {
  return new StateGraph(State)
    .addNode("a", noop).addNode("b", noop).addNode("c", noop)
    .addEdge(START, "a").addEdge("a", "b").addEdge("b", "c").addEdge("c", END);
}

function fanout5() {
  const branches = [0, 1, 2, 3, 4].map((i) => `branch${i}`);
  let g = new StateGraph(State).addNode("start", noop).addNode("end", noop);
  for (const b of branches) g = g.addNode(b, noop);
  g = g.addEdge(START, "start");
  for (const b of branches) g = g.addEdge("start", b);
  return g.addEdge(branches, "end").addEdge("end", END);
}

async function measure(name, graph, nodes, checkpointer, runs) {
  const app = graph.compile({ checkpointer });
  let thread = 0;
  const once = async () => {
    const out = await app.invoke({ visits: 0 }, { configurable: { thread_id: `${name}-${++thread}` } });
    if (out.visits !== nodes) throw new Error(`${name}: ${out.visits} visits, expected ${nodes}`);
  };
  for (let i = 0; i < Math.min(20, runs); ++i) await once();  // warm-up
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; ++i) await once();
  const us = Number(process.hrtime.bigint() - start) / 1000 / runs;
  const cpu = process.cpuUsage(cpuStart);
  const cpuUs = (cpu.user + cpu.system) / runs;
  const row = {
    name, nodes, runs, us_per_run: +us.toFixed(1), us_per_node: +(us / nodes).toFixed(1),
    cpu_us_per_node: +(cpuUs / nodes).toFixed(1),
  };
  console.log(JSON.stringify(row));
  return row;
}

const runs = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), "kontor-langgraph-"));
try {
  const sqlite = SqliteSaver.fromConnString(join(dir, "checkpoints.db"));
  await measure("warmup_sqlite", chain3(), 3, sqlite, 1);  // creates the tables
  console.log(JSON.stringify({
    name: "sqlite_settings",
    journal_mode: sqlite.db.pragma("journal_mode", { simple: true }),
    synchronous: sqlite.db.pragma("synchronous", { simple: true }),  // 1 NORMAL, 2 FULL
  }));
  await measure("chain3_memory", chain3(), 3, new MemorySaver(), runs);
  await measure("chain3_sqlite", chain3(), 3, sqlite, runs);
  await measure("fanout5_memory", fanout5(), 7, new MemorySaver(), runs);
  await measure("fanout5_sqlite", fanout5(), 7, sqlite, runs);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
