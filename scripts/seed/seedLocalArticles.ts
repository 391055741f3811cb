// Seeds the local publication's articles (see seedArticles.ts). Run by `npm start` after the
// deploy; safe to run again: content already on chain is recognised and not published twice.
import { connectContent } from "../content/connectContent.ts";
import { connectPublishDatabase } from "../content/connectPublishDatabase.ts";
import { seedArticles } from "./seedArticles.ts";

const content = await connectContent("localhost");
// Accounts #5 to #7 collect the editions of the sold-out article.
const collectors = content.wallets.slice(5, 8);
console.log(`Seeding articles (master key ${content.keyring.current.id}${content.keyring.keyFile ? `, ${content.keyring.keyFile}` : ""})`);
const db = await connectPublishDatabase();
const published = await seedArticles({ ...content, db, masterKey: content.keyring.current }, collectors);
for (const article of published) {
  console.log(`  #${article.articleId} ${article.source.frontmatter.title}  ipfs://${article.metadataCid}`);
}
process.exit(0);
