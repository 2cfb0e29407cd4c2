// CPU time by process group, read from Linux's /proc: what a benchmark's work cost each part of
// the machine (the process being measured, a child and its descendants, the database server),
// which on a small shared machine says more than wall time alone. Linux only; elsewhere every
// figure is null.
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ: the unit of /proc/<pid>/stat's times. 100 on every Linux architecture Node runs on.
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

function readProcesses(): ProcessTimes[] | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const out: ProcessTimes[] = [];
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // Exited since the listing.
    }
    // "pid (comm) state ppid … utime stime cutime cstime …": comm may hold spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // utime, stime, and cutime, cstime: the children it has reaped (exited connections, say).
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    out.push({ pid: Number(pid), ppid: Number(fields[1]), comm, cpuMs: (ticks * 1000) / TICKS_PER_SECOND });
  }
  return out;
}

/** CPU milliseconds of `root` and all its descendants, and of every process named `comm`. */
export interface CpuReading {
  tree: Map<number, number>;
  byName: Map<string, number>;
}

export function readCpu(roots: readonly number[], names: readonly string[]): CpuReading | null {
  const processes = readProcesses();
  if (!processes) return null;
  const children = new Map<number, ProcessTimes[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const own = new Map(processes.map((p) => [p.pid, p]));
  const tree = new Map<number, number>();
  for (const root of roots) {
    let total = 0;
    const stack = [root];
    for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
      total += own.get(pid)?.cpuMs ?? 0;
      stack.push(...(children.get(pid) ?? []).map((c) => c.pid));
    }
    tree.set(root, total);
  }
  const byName = new Map(
    names.map((name) => [name, processes.filter((p) => p.comm === name).reduce((sum, p) => sum + p.cpuMs, 0)]),
  );
  return { tree, byName };
}
