import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/**
 * The processes one local stack started: long-running services (output to `<logDir>/<name>.log`)
 * and one-off steps. `stop` ends them all, whole process groups, and waits until they are gone.
 */
export function createServiceGroup(logDir: string, onUnexpectedExit: (name: string, why: string) => void) {
  const running: { name: string; child: ChildProcess }[] = [];
  let stopping = false;

  function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.on("exit", (code, signal) => {
      if (!stopping) onUnexpectedExit(name, `${signal ?? `exit ${code}`}; see ${join(logDir, `${name}.log`)}`);
    });
    running.push({ name, child });
    return child;
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
      running.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (!child.pid || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            try {
              process.kill(-child.pid, "SIGTERM");
            } catch {
              resolve(); // already gone
            }
            setTimeout(() => {
              try {
                process.kill(-child.pid!, "SIGKILL");
              } catch {}
              resolve();
            }, 5_000).unref();
          }),
      ),
    );
  }

  return { start, run, stop };
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
