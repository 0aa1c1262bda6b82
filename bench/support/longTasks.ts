// Reads a Chromium performance trace (bench/panel.ts with SSE_BENCH_TRACE) and says where the renderer's long tasks went.
// Usage: tsx bench/support/longTasks.ts <trace.json> [threshold ms, default 50]; SSE_TRACE_SUMMARY=1: the two summary lines only
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: far below `dur` when the thread waited for a core. */
  tdur?: number;
  id?: string;
  args?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** One CPU sample: when, on which thread, and the node (innermost frame) it hit. */
interface Sample {
  ts: number;
  thread: string;
  key: string;
  node: number;
}

const file = process.argv[2];
const thresholdUs = Number(process.argv[3] ?? 50) * 1000;
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const mainThreads = new Set(
  events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
);
const onMain = (e: TraceEvent): boolean => mainThreads.has(`${e.pid}:${e.tid}`);

// The sampled CPU profiles: one per thread (keyed by its trace id), delivered in chunks.
const nodes = new Map<string, Map<number, ProfileNode>>();
const samples: Sample[] = [];
const clocks = new Map<string, number>();
/** Chunks come from a profiler thread; the profile's opening event names the thread sampled. */
const profiledThread = new Map<string, string>();
for (const e of events) {
  if (e.name === 'Profile') {
    clocks.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? e.ts);
    profiledThread.set(`${e.pid}:${e.id}`, `${e.pid}:${e.tid}`);
  }
  if (e.name !== 'ProfileChunk') continue;
  const key = `${e.pid}:${e.id}`;
  const data = e.args?.data ?? {};
  const table = nodes.get(key) ?? new Map<number, ProfileNode>();
  nodes.set(key, table);
  for (const node of (data.cpuProfile?.nodes ?? []) as ProfileNode[]) table.set(node.id, node);
  const ids = (data.cpuProfile?.samples ?? []) as number[];
  const deltas = (data.timeDeltas ?? []) as number[];
  let clock = clocks.get(key) ?? e.ts;
  ids.forEach((node, index) => {
    clock += deltas[index] ?? 0;
    samples.push({ ts: clock, thread: profiledThread.get(key) ?? '?', key, node });
  });
  clocks.set(key, clock);
}
samples.sort((a, b) => a.ts - b.ts);

/** A script's short name: the last two path segments, no query. */
function scriptOf(url: string): string {
  return url.split('?')[0].split('/').slice(-2).join('/');
}

/** Whose work a sample is: the outermost script on its stack, or V8's own label ((garbage collector), (program), …). */
function ownerOf(table: Map<number, ProfileNode>, id: number): string {
  let owner = '';
  for (let node = table.get(id); node; node = node.parent === undefined ? undefined : table.get(node.parent)) {
    const { url, functionName } = node.callFrame;
    if (url) owner = scriptOf(url);
    else if (!owner && functionName.startsWith('(') && functionName !== '(root)') owner = functionName;
  }
  return owner || '(native)';
}

function frameName(node: ProfileNode | undefined): string {
  if (!node) return '?';
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const where = url ? ` ${scriptOf(url)}:${lineNumber + 1}:${columnNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where}`;
}

function top(counts: Map<string, number>, limit: number, unit: (value: number) => string): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, value]) => `      ${unit(value).padStart(9)}  ${name}`)
    .join('\n');
}

const add = (map: Map<string, number>, key: string, value: number): void => {
  map.set(key, (map.get(key) ?? 0) + value);
};

// Tasks appear as ThreadControllerImpl::RunTask with a RunTask inside: keep the outermost of each.
const allTasks = events
  .filter((e) => e.ph === 'X' && onMain(e) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
  .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
const outer: TraceEvent[] = [];
for (const task of allTasks) {
  const last = outer.at(-1);
  if (last && last.pid === task.pid && last.tid === task.tid && task.ts < last.ts + (last.dur ?? 0)) continue;
  outer.push(task);
}
const tasks = outer.filter((e) => (e.dur ?? 0) >= thresholdUs);
// On a loaded machine wall time mostly measures waiting for a core: thread time says which tasks were long work.
const busy = outer.filter((e) => (e.tdur ?? 0) >= thresholdUs);
const longestWork = Math.max(0, ...outer.map((e) => e.tdur ?? 0));
console.log(
  `${file}: ${outer.length} renderer main-thread tasks; ${busy.length} of ${thresholdUs / 1000} ms or more thread time (longest ${(longestWork / 1000).toFixed(1)} ms)`,
);
console.log(`${file}: ${tasks.length} renderer main-thread tasks of ${thresholdUs / 1000} ms or more`);
if (process.env.SSE_TRACE_SUMMARY) process.exit(0);
const sampleInterval = samples.length > 1 ? (samples.at(-1)!.ts - samples[0].ts) / samples.length : 0;
for (const task of tasks) {
  const end = task.ts + (task.dur ?? 0);
  console.log(
    `\n  task at ${((task.ts - outer[0].ts) / 1e6).toFixed(3)} s: ${((task.dur ?? 0) / 1000).toFixed(1)} ms (thread time ${((task.tdur ?? 0) / 1000).toFixed(1)} ms)`,
  );
  // Trace events inside it, by name (inclusive times; nested events count in each).
  const inside = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== task.pid || e.tid !== task.tid || e === task || e.ts < task.ts || e.ts > end) continue;
    const detail = e.args?.data?.type ?? e.args?.data?.functionName ?? '';
    add(inside, detail ? `${e.name} (${detail})` : e.name, (e.dur ?? 0) / 1000);
  }
  console.log('    trace events (inclusive ms):');
  console.log(top(inside, 14, (ms) => `${ms.toFixed(1)} ms`));
  // CPU samples inside it: by whose script they are in, and by innermost frames.
  const self = new Map<string, number>();
  const owners = new Map<string, number>();
  const thread = `${task.pid}:${task.tid}`;
  const within = samples.filter((sample) => sample.thread === thread && sample.ts >= task.ts && sample.ts <= end);
  for (const sample of within) {
    const table = nodes.get(sample.key)!;
    add(owners, ownerOf(table, sample.node), 1);
    let node = table.get(sample.node);
    const stack: string[] = [];
    while (node) {
      stack.push(frameName(node));
      node = node.parent === undefined ? undefined : table.get(node.parent);
    }
    add(self, stack.slice(0, 4).join(' < '), 1);
  }
  if (within.length > 0) {
    console.log(
      `    CPU samples (${within.length}, ~${(sampleInterval / 1000).toFixed(2)} ms each) by script: ${[...owners]
        .sort((a, b) => b[1] - a[1])
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}`,
    );
    console.log('    innermost frames:');
    console.log(top(self, 12, (count) => `${count}`));
  }
}
