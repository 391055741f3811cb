import { PASS_SERIAL_BITS } from "../generated/contracts.ts";

const SERIAL_MASK = (1n << BigInt(PASS_SERIAL_BITS)) - 1n;

/** A pass's number within its tier: token ids carry the tier above the serial (tier << bits | serial). */
export const passNumber = (tokenId: bigint | string) => (BigInt(tokenId) & SERIAL_MASK).toString();
