import { join } from "node:path";
import { publishWithCli, type StackEndpoints } from "./publishCli.ts";

/** Publishes `test/web/fixtures/<file>` to the test stack through the publish CLI, as an editor would. */
export async function publishFixture(stack: StackEndpoints, file: string) {
  return publishWithCli([join(import.meta.dirname, "fixtures", file)], stack);
}
