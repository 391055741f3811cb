import type { Address } from "viem";

/** An address as the index stores it (Ponder's hex columns are lower-case), for keys and comparisons. */
export const indexedAddress = (address: Address) => address.toLowerCase() as Address;
