import "server-only";
import { serverDatabase } from "../database.ts";
import { databaseSessionStore } from "./databaseSessionStore.ts";
import { databaseUsedNonceStore } from "./databaseUsedNonceStore.ts";

// Both stores live in the shared database, so every server and every restart sees one state.
export const usedNonceStore = async () => databaseUsedNonceStore(await serverDatabase());
export const sessionStore = async () => databaseSessionStore(await serverDatabase());
