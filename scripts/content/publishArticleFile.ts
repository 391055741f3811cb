import type { ArticleSource } from "../../web/src/content/loadArticleSource.ts";
import { type PublishResult, type PublishSourceContext, publishArticleSource } from "../../web/src/publishing/publishArticleSource.ts";
import { type ContentChain, sendContractWrite } from "./contentChain.ts";

export type { PublishResult };

export interface PublishContext extends ContentChain, Omit<PublishSourceContext, keyof ContentChain> {}

/**
 * The CLI's face on the shared publish path: the publisher is the command's own wallet, which
 * signs and sends the transaction and waits for it to be mined.
 */
export async function publishArticleFile(source: ArticleSource, context: PublishContext): Promise<PublishResult> {
  const { publicClient, walletClient } = context;
  const account = walletClient.account;
  if (!account) throw new Error("The wallet client has no account to publish with.");
  return publishArticleSource(source, {
    ...context,
    publisher: account.address,
    send: (call, hooks) => sendContractWrite(publicClient, walletClient, call, { ...hooks, receiptTimeoutMs: 0 }),
  });
}
