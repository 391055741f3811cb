import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forgetUnsentSteps } from "../../scripts/deploy/forgetUnsentSteps.ts";

// The journal a kill leaves between a step's start record and its request (Ignition writes each
// record whole and synchronously, so a kill cuts between records): the records are Ignition's own.
const records = [
  { chainId: 31337, type: "DEPLOYMENT_INITIALIZE" },
  { futureId: "Handover#governorProposes", functionName: "grantRole", type: "CALL_EXECUTION_STATE_INITIALIZE" },
  {
    futureId: "Handover#governorProposes",
    networkInteraction: { id: 1, type: "ONCHAIN_INTERACTION" },
    type: "NETWORK_INTERACTION_REQUEST",
  },
  { futureId: "Handover#governorProposes", networkInteractionId: 1, nonce: 16, type: "TRANSACTION_PREPARE_SEND" },
  { futureId: "Setup#foundingTierId", type: "READ_EVENT_ARGUMENT_EXECUTION_STATE_INITIALIZE" },
  { futureId: "Handover#timelockAdministersPass", functionName: "grantRole", type: "CALL_EXECUTION_STATE_INITIALIZE" },
];
const journalOf = (lines: object[]) => lines.map((record) => `\n${JSON.stringify(record)}`).join("");

describe("a deploy journal cut by a kill", () => {
  it("forgets only the steps that started and sent nothing, keeping every other record", () => {
    const dir = mkdtempSync(join(tmpdir(), "topnftpost-journal-"));
    writeFileSync(join(dir, "journal.jsonl"), journalOf(records));
    expect(forgetUnsentSteps(dir)).toEqual(["Handover#timelockAdministersPass"]);
    expect(readFileSync(join(dir, "journal.jsonl"), "utf8")).toBe(journalOf(records.slice(0, -1)));
    // Resuming twice changes nothing more.
    expect(forgetUnsentSteps(dir)).toEqual([]);
    expect(readFileSync(join(dir, "journal.jsonl"), "utf8")).toBe(journalOf(records.slice(0, -1)));
  });

  it("leaves a folder without a journal alone", () => {
    expect(forgetUnsentSteps(mkdtempSync(join(tmpdir(), "topnftpost-journal-")))).toEqual([]);
  });
});
