import "server-only";
import { NextResponse } from "next/server";
import { isDatabaseOutage } from "@/db/isDatabaseOutage.ts";
import { serverTranslator } from "./locale.ts";
import { RETRY_AFTER_SECONDS } from "./pageOutcome.ts";
import { unavailableService } from "./serviceUnavailable.ts";

/**
 * A sign-in route's answer, or, while a service it needs does not answer (the database holding
 * nonces and sessions, the chain), a 503 with Retry-After saying so in the reader's language, as
 * the pages do: a signature is not wrong because the database is down. Other errors stay errors.
 */
export async function unlessAuthUnavailable(handle: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await handle();
  } catch (error) {
    const service = unavailableService(error) ?? (isDatabaseOutage(error) ? "database" : undefined);
    if (!service) throw error;
    console.warn(`A sign-in request is answered 503 (${service} unavailable): ${(error as Error).message}`);
    const { t } = await serverTranslator();
    return NextResponse.json(
      { error: t(`auth.unavailable.${service}`), unavailable: service },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
}
