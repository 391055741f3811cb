// The publish call travels from the server to the editor's page as JSON, which has no bigints:
// they go as "123n" and come back as bigints, so the wallet signs exactly what the server built.

export const bigintsAsText = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? `${item}n` : item)));

export function reviveBigints<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value), (_key, item) =>
    typeof item === "string" && /^\d+n$/.test(item) ? BigInt(item.slice(0, -1)) : item,
  );
}
