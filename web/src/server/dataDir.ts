import "server-only";
import { resolve } from "node:path";
import { serverConfig } from "./serverConfig.ts";

/** The repository's .data directory (TOPNFTPOST_DATA_DIR), wherever the server was started from. */
export const dataDir = () =>
  resolve(/*turbopackIgnore: true*/ serverConfig().TOPNFTPOST_DATA_DIR || (process.cwd().endsWith("/web") ? "../.data" : ".data"));
