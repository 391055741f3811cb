import { z } from "zod";

/** An article id, token id or cursor in a URL: a whole number that fits in a uint256. */
export const decimalId = z
  .string()
  .regex(/^\d{1,78}$/, "must be a whole number")
  .transform(BigInt);
