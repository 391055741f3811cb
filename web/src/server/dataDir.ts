import "server-only";
import { resolve } from "node:path";

/** The repository's .data directory (TOPNFTPOST_DATA_DIR), wherever the server was started from. */
export const dataDir = () =>
  resolve(/*turbopackIgnore: true*/ process.env.TOPNFTPOST_DATA_DIR || (process.cwd().endsWith("/web") ? "../.data" : ".data"));
