import "server-only";
import type { ReactNode } from "react";
import { ServiceUnavailable } from "@/components/ServiceUnavailable.tsx";
import { serverTranslator } from "./locale.ts";
import { answerUnavailable } from "./pageOutcome.ts";
import { unavailableService } from "./serviceUnavailable.ts";

/**
 * The page `build` makes or, when the chain, IPFS or the database did not answer, a page saying
 * so in the reader's language, sent as a 503. Any other error still fails the page (a 404, a 500).
 */
export async function pageUnlessUnavailable(build: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await build();
  } catch (error) {
    const service = unavailableService(error);
    if (!service) throw error;
    console.warn(`A page is answered 503 (${service} unavailable): ${(error as Error).message}`);
    answerUnavailable(service);
    const { t } = await serverTranslator();
    return <ServiceUnavailable service={service} t={t} />;
  }
}
