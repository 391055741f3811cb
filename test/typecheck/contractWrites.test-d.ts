// Type tests, checked by `npm run typecheck` (tsc): each `@ts-expect-error` line must stay an
// error, so if a wrong call ever compiles again, the typecheck fails on the unused directive.
import type { Address, PublicClient, WalletClient } from "viem";
import { expectTypeOf } from "vitest";
import { sendContractWrite } from "../../scripts/content/contentChain.ts";
import { type ContractWrite, contractWrite } from "../../web/src/contracts/contractWrite.ts";
import {
  castVote,
  collectEdition,
  delegateVotes,
  executeProposal,
  publishArticle,
  purchasePass,
  queueProposal,
  withdrawPassEarnings,
} from "../../web/src/contracts/writes.ts";
import {
  articleEditionsAbi,
  type coverageGovernorAbi,
  deploymentOn,
  type Deployment,
  membershipPassAbi,
} from "../../web/src/generated/contracts.ts";

declare const pass: Address;
declare const editions: Address;
declare const maybeAddress: Address | undefined;
declare const publicClient: PublicClient;
declare const walletClient: WalletClient;

// A right call compiles, and a builder's call is one of that function.
expectTypeOf(purchasePass(pass, { id: 1, price: 10n }, pass)).toExtend<ContractWrite<typeof membershipPassAbi, "purchase">>();
contractWrite({ address: pass, abi: membershipPassAbi, functionName: "purchase", args: [1n, pass, pass], value: 1n });

// A misspelled function name does not compile.
// @ts-expect-error "purchse" is not a function of MembershipPass
contractWrite({ address: pass, abi: membershipPassAbi, functionName: "purchse", args: [1n, pass, pass] });

// A view is not a write.
// @ts-expect-error tierCount is a view, not something a transaction calls
contractWrite({ address: pass, abi: membershipPassAbi, functionName: "tierCount", args: [] });

// A function of the other contract does not compile against this ABI.
// @ts-expect-error collect belongs to ArticleEditions
contractWrite({ address: pass, abi: membershipPassAbi, functionName: "collect", args: [1n, 1n, pass, pass] });

// Arguments of the wrong type or number do not compile.
// @ts-expect-error the tier id is a bigint, not a number
contractWrite({ address: pass, abi: membershipPassAbi, functionName: "purchase", args: [1, pass, pass] });
// @ts-expect-error closeSale takes one article id
contractWrite({ address: editions, abi: articleEditionsAbi, functionName: "closeSale", args: [1n, 2n] });

// A possibly-undefined address (a wallet not connected yet) does not compile.
// @ts-expect-error the holder may be undefined
purchasePass(pass, { id: 1, price: 10n }, maybeAddress);
// @ts-expect-error the collector may be undefined
collectEdition(editions, 1, 10n, maybeAddress);
// @ts-expect-error the payee may be undefined
withdrawPassEarnings(pass, maybeAddress);
// @ts-expect-error publish takes its parameters as one struct, with every field
publishArticle(editions, { uri: "ipfs://x" });

// sendContractWrite checks the call the same way, and types what the simulation returned.
async function scripts() {
  const { result } = await sendContractWrite(publicClient, walletClient, {
    address: editions,
    abi: articleEditionsAbi,
    functionName: "closeSale",
    args: [1n],
  });
  expectTypeOf(result).toEqualTypeOf<void>();
  await sendContractWrite(publicClient, walletClient, {
    address: editions,
    abi: articleEditionsAbi,
    // @ts-expect-error "revize" is not a function of ArticleEditions
    functionName: "revize",
    args: [1n, "ipfs://x"],
  });
  await sendContractWrite(publicClient, walletClient, {
    address: editions,
    abi: articleEditionsAbi,
    functionName: "revise",
    // @ts-expect-error revise takes the new URI as a string
    args: [1n, 2n],
  });
}
void scripts;

// The generated lookup is typed without a cast, and may find nothing.
expectTypeOf(deploymentOn(31337)).toEqualTypeOf<Deployment | undefined>();

// The DAO's builders: voting, queueing and executing by id (GovernorStorage), delegating.
declare const governor: Address;
expectTypeOf(castVote(governor, 1n, 1, "a reason")).toExtend<ContractWrite<typeof coverageGovernorAbi, "castVoteWithReason">>();
expectTypeOf(queueProposal(governor, 1n)).toExtend<ContractWrite<typeof coverageGovernorAbi, "queue">>();
expectTypeOf(executeProposal(governor, 1n)).toExtend<ContractWrite<typeof coverageGovernorAbi, "execute">>();
expectTypeOf(delegateVotes(pass, governor)).toExtend<ContractWrite<typeof membershipPassAbi, "delegate">>();
// @ts-expect-error a proposal id is a bigint
queueProposal(governor, 1);
// @ts-expect-error the delegate may be undefined
delegateVotes(pass, maybeAddress);
