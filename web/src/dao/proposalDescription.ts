// A coverage proposal's on-chain description: its title on the first line, then the IPFS address
// of the full Markdown. Short on chain (the description is calldata and an event), whole on IPFS.

const CID_IN_TEXT = /ipfs:\/\/([A-Za-z0-9]+)/;

/** The description a proposal is made with: `# <title>` and `ipfs://<cid>` of its Markdown. */
export function proposalDescription(title: string, markdownCid: string) {
  return `# ${title.replace(/\s+/g, " ").trim()}\n\nipfs://${markdownCid}`;
}

/** The title and Markdown CID of any description (a proposal made elsewhere may have neither). */
export function parseProposalDescription(description: string) {
  const firstLine = description.split("\n").find((line) => line.trim() !== "") ?? "";
  const title = firstLine
    .replace(/^#+\s*/, "")
    .trim()
    .slice(0, 200);
  return { title, cid: description.match(CID_IN_TEXT)?.[1] ?? null };
}
