// Type tests for the dApp's transaction button, checked by `tsc -p web` (web/tsconfig.json
// includes this folder's .tsx files): a call the ABI does not have must not compile.
import type { Address } from "viem";
import { collectEdition } from "@/contracts/writes.ts";
import { articleEditionsAbi, membershipPassAbi } from "@/generated/contracts.ts";
import { TxButton } from "@/wallet/TxButton.tsx";

declare const pass: Address;
declare const editions: Address;
declare const maybeAddress: Address | undefined;

export const right = (
  <TxButton label="Collect" locale="en" call={() => (maybeAddress ? collectEdition(editions, 1, 10n, maybeAddress) : null)} />
);

export const inline = (
  <TxButton label="Withdraw" locale="en" call={() => ({ address: pass, abi: membershipPassAbi, functionName: "withdraw", args: [pass] })} />
);

export const misspelled = (
  // @ts-expect-error "withdrew" is not a function of MembershipPass
  <TxButton label="Withdraw" locale="en" call={() => ({ address: pass, abi: membershipPassAbi, functionName: "withdrew", args: [pass] })} />
);

export const undefinedAddress = (
  <TxButton
    label="Withdraw"
    locale="en"
    // @ts-expect-error the payee may be undefined before a wallet connects
    call={() => ({ address: pass, abi: membershipPassAbi, functionName: "withdraw", args: [maybeAddress] })}
  />
);

export const wrongArgs = (
  <TxButton
    label="Collect"
    locale="en"
    // @ts-expect-error collect takes an article id, an amount, a collector and a referrer
    call={() => ({ address: editions, abi: articleEditionsAbi, functionName: "collect", args: [1n, pass] })}
  />
);
