import { existsSync, readFileSync } from "node:fs";

/** Busy and total CPU time so far, over every core (Linux /proc/stat). */
function cpuTimes() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle and iowait
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is idle: under `busyShare` of its CPU for two seconds in a row (at most
 * `maxMs`). After a bulk import the indexer and the chain keep working for a while; a publish or a
 * load test measured meanwhile would measure the import. Returns the seconds waited (0 without
 * /proc).
 */
export async function waitUntilIdle(busyShare = 0.25, maxMs = 120_000) {
  if (!existsSync("/proc/stat")) return 0;
  const started = Date.now();
  let quietSeconds = 0;
  while (quietSeconds < 2 && Date.now() - started < maxMs) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = cpuTimes();
    const share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    quietSeconds = share < busyShare ? quietSeconds + 1 : 0;
  }
  return Math.round((Date.now() - started) / 1000);
}
