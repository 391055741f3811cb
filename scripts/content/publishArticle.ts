// `npm run publish:article -- <file.md> [--network <name>] [overrides]`: validates an article,
// packages it to IPFS (premium part encrypted), publishes it on chain and prints what it made.
// Exactly once: re-running for unchanged content publishes nothing and names the article it
// already is; a run after an interrupted one resumes it. `--abandon` gives up an interrupted run.
import { ArticleSourceError } from "../../web/src/content/articleSourceError.ts";
import { loadArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { abandonPublish } from "./abandonPublish.ts";
import { connectContent } from "./connectContent.ts";
import { connectPublishDatabase } from "./connectPublishDatabase.ts";
import { publishArgs } from "./publishArgs.ts";
import { publishArticleFile } from "./publishArticleFile.ts";

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

try {
  const { file, network, overrides, abandon } = publishArgs(process.argv.slice(2));
  // Validation first: a bad file fails before anything touches IPFS or the chain.
  const source = await loadArticleSource(file, overrides);
  const content = await connectContent(network);
  log(`Connected to chain ${content.chainId}`);
  await content.ipfs.version().catch((error: Error) => {
    throw new Error(
      `The IPFS API at ${content.ipfsApiUrl} did not answer (${error.message}); start it with \`npm run ipfs\` or \`npm start\`.`,
    );
  });
  log(`Connected to IPFS at ${content.ipfsApiUrl}`);
  const db = await connectPublishDatabase();
  const context = { ...content, db, masterKey: content.keyring.current, log };
  if (abandon) {
    await abandonPublish(source, context);
    process.exit(0);
  }
  log(`Publishing ${file} to chain ${content.chainId} as ${content.walletClient.account!.address}`);
  const result = await publishArticleFile(source, context);
  const metadata = await content.reader.metadataAt(`ipfs://${result.metadataCid}`, result.articleId);
  console.log(`\nArticle id     ${result.articleId}${result.alreadyPublished ? " (already published)" : ""}`);
  console.log(`Metadata       ipfs://${result.metadataCid}`);
  console.log(`Free preview   ipfs://${metadata.properties.preview.cid}`);
  if (metadata.properties.premium) console.log(`Premium part   ipfs://${metadata.properties.premium.cid} (AES-256-GCM)`);
  for (const image of metadata.properties.images) console.log(`Image          ipfs://${image.cid} (${image.ref})`);
  if (result.transactionHash) console.log(`Transaction    ${result.transactionHash}`);
  process.exit(0);
} catch (error) {
  if (error instanceof ArticleSourceError) {
    console.error(`Bad article: ${error.message}\nNothing was uploaded or published.`);
  } else {
    console.error((error as Error).message);
  }
  process.exit(1);
}
