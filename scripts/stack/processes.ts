import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const running: ChildProcess[] = [];

/** Starts a long-running service, its output going to `<logDir>/<name>.log`. */
export function startService(name: string, command: string, args: string[], logDir: string, env = process.env) {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`\n[${name}] stopped unexpectedly (${signal ?? `exit ${code}`}); see ${join(logDir, `${name}.log`)}`);
      stopAll(1);
    }
  });
  running.push(child);
  return child;
}

/** Runs a command to completion with inherited output; rejects naming the step when it fails. */
export function runStep(step: string, command: string, args: string[], env = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${step} failed (exit ${code})`))));
  });
}

let stopping = false;

/** Stops every service this process started (their whole process groups) and exits. */
export function stopAll(code = 0) {
  stopping = true;
  for (const child of running) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  process.exit(code);
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** `preferred` when free, otherwise a free port the OS picks. */
export async function choosePort(preferred: number) {
  if (await isPortFree(preferred)) return preferred;
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
