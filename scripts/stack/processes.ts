import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** A service that crashes more often than this within CRASH_WINDOW_MS is given up on. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const restartDelayMs = (crashes: number) => Math.min(30_000, 500 * 2 ** (crashes - 1));

export interface ServiceEvents {
  /** A service crashed and will be started again after `delayMs`. */
  onRestart?: (name: string, why: string, delayMs: number) => void;
  /** A service kept crashing and was given up on. */
  onGiveUp: (name: string, why: string) => void;
}

/**
 * The processes one local stack started: long-running services (output to `<logDir>/<name>.log`,
 * process id in `<logDir>/<name>.pid`) and one-off steps. A service that crashes is started
 * again alone, with a growing delay; one that keeps crashing is given up on. `stop` asks each to
 * stop, waits until they are gone, and then clears their whole process groups.
 */
export function createServiceGroup(logDir: string, events: ServiceEvents) {
  const running = new Map<string, ChildProcess>();
  let stopping = false;

  function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
    const crashes: number[] = [];
    const launch = () => {
      mkdirSync(logDir, { recursive: true });
      const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
      const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      writeFileSync(join(logDir, `${name}.pid`), String(child.pid));
      running.set(name, child);
      child.on("exit", (code, signal) => {
        if (stopping) return;
        killGroup(child, "SIGKILL"); // whatever it left behind in its group would hold its port
        const why = `${signal ?? `exit ${code}`}; see ${join(logDir, `${name}.log`)}`;
        const now = Date.now();
        crashes.push(now);
        while (crashes[0] < now - CRASH_WINDOW_MS) crashes.shift();
        if (crashes.length > MAX_CRASHES) return events.onGiveUp(name, `crashed ${crashes.length} times in a minute; last: ${why}`);
        const delayMs = restartDelayMs(crashes.length);
        log.write(`\n[supervisor] ${new Date().toISOString()} ${name} stopped (${why}); starting it again in ${delayMs} ms\n`);
        events.onRestart?.(name, why, delayMs);
        setTimeout(() => stopping || launch(), delayMs);
      });
    };
    launch();
  }

  /** Runs a command to completion; its output is shown, or only kept in the log when `quiet`. */
  function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false) {
    return new Promise<void>((resolve, reject) => {
      mkdirSync(logDir, { recursive: true });
      const child = spawn(command, args, { env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
      if (quiet) {
        const log = createWriteStream(join(logDir, "steps.log"), { flags: "a" });
        child.stdout?.pipe(log);
        child.stderr?.pipe(log);
      }
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`${step} failed (exit ${code})${quiet ? `; see ${join(logDir, "steps.log")}` : ""}`)),
      );
    });
  }

  async function stop() {
    stopping = true;
    await Promise.all(
      [...running.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (!child.pid || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => {
              killGroup(child, "SIGKILL"); // anything it left behind in its group
              resolve();
            });
            // The service alone is asked to stop, not its group: it stops its own children in
            // order (the chain saves its last block before anvil goes).
            try {
              process.kill(child.pid, "SIGTERM");
            } catch {
              return resolve(); // already gone
            }
            // Long enough for the chain's last save (a 100 MB dump with 10,000 articles).
            setTimeout(() => {
              killGroup(child, "SIGKILL");
              resolve();
            }, 20_000).unref();
          }),
      ),
    );
  }

  return { start, run, stop };
}

/** Signals a child's whole process group; false when it is already gone. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** `preferred` when free (0 means any), otherwise a free port the OS picks. */
export async function choosePort(preferred: number) {
  if (preferred !== 0 && (await isPortFree(preferred))) return preferred;
  return new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `probe` resolves true or `timeoutMs` passes. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}
