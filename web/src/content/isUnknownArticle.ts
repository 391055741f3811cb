import { BaseError, ContractFunctionRevertedError } from "viem";

/** Whether a chain read failed because ArticleEditions has no article with that id. */
export function isUnknownArticle(error: unknown) {
  const revert = error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError);
  return revert instanceof ContractFunctionRevertedError && revert.data?.errorName === "ArticleEditionsUnknownArticle";
}
