// What `pg` throws when the database is down, unreachable or too slow, as opposed to a query it
// refused (a bug, a constraint): only the first may be answered with "try again later".

const SOCKET_FAILURES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// pg and pg-pool raise these as plain Errors: a dead connection, or the timeouts openDatabase sets.
const DRIVER_FAILURES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout)/;
// SQLSTATE classes 08 (connection exception) and 53 (insufficient resources); 57P01-57P03 (shutting down, not yet up).
const SERVER_FAILURES = /^(08|53|57P0[123])/;

export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === "string" && (SOCKET_FAILURES.has(code) || SERVER_FAILURES.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseOutage); // one per address tried
  return DRIVER_FAILURES.test(error.message);
}
