"use client";
import { useState } from "react";
import { format, type Locale, MESSAGES } from "@/i18n/messages.ts";
import { studioFetch } from "./studioFetch.ts";

interface Writer {
  address: string;
}

/** The writers list: an editor adds a wallet or removes one; the server checks the role each time. */
export function TeamManager({ locale, initial }: { locale: Locale; initial: Writer[] }) {
  const t = MESSAGES[locale];
  const [writers, setWriters] = useState(initial);
  const [address, setAddress] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const answer = (result: Awaited<ReturnType<typeof studioFetch>>) => {
    setProblem(result.problem);
    if (!result.problem) setWriters(result.body.writers as Writer[]);
    return !result.problem;
  };
  return (
    <>
      <h2>{t["studio.team.writers"]}</h2>
      {writers.length === 0 && <p>{t["studio.team.noWriters"]}</p>}
      <ul data-testid="writers">
        {writers.map((writer) => (
          <li key={writer.address}>
            <code>{writer.address}</code>{" "}
            <button
              type="button"
              onClick={async () =>
                answer(await studioFetch(locale, `/api/studio/writers/${writer.address}`, { method: "DELETE", json: {} }))
              }
            >
              {format(t["studio.team.remove"], { address: writer.address })}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (answer(await studioFetch(locale, "/api/studio/writers", { method: "POST", json: { address } }))) setAddress("");
        }}
      >
        <label>
          {t["studio.team.address"]}{" "}
          <input value={address} onChange={(event) => setAddress(event.target.value)} data-testid="writer-address" size={44} />
        </label>{" "}
        <button type="submit" className="primary">
          {t["studio.team.add"]}
        </button>
      </form>
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}
