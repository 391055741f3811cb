import "server-only";
import { isDatabaseOutage } from "@/db/isDatabaseOutage.ts";
import { refuse, type StudioAnswer } from "@/studio/studioAnswer.ts";
import { unavailableService } from "../serviceUnavailable.ts";

/** One line of a streamed studio answer: what happens as it happens, then the answer. */
export type ProgressEvent = { line: string } | { progress: unknown } | { answer: StudioAnswer };

/**
 * A long studio action answered as NDJSON: each step and each upload's progress on its own line as
 * it happens, the final `{ answer: { status, body } }` last. A page that closes early stops
 * nothing: the work finishes and is recorded, and a reload resumes from it.
 */
export function progressStream(run: (emit: (event: ProgressEvent) => void) => Promise<StudioAnswer>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const emit = (event: ProgressEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false; // the page went away
        }
      };
      let answer: StudioAnswer;
      try {
        answer = await run(emit);
      } catch (error) {
        if (!unavailableService(error) && !isDatabaseOutage(error)) {
          console.error("studio publish failed", error);
          answer = refuse(500, "studio.publish.error.failed", { detail: (error as Error).message });
        } else {
          answer = refuse(503, "studio.error.unavailable");
        }
      }
      emit({ answer });
      if (open) controller.close();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "private, no-store", "X-Accel-Buffering": "no" },
  });
}
