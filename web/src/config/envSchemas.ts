import { getAddress, isAddress } from "viem";
import { z } from "zod";

// Value shapes that several settings share, each with the problem it names when a value is bad.

const PORT = "must be a port number (0-65535)";
export const port = (fallback: number) => z.coerce.number({ message: PORT }).int(PORT).min(0, PORT).max(65_535, PORT).default(fallback);

export const positiveNumber = (fallback: number, unit: string) =>
  z.coerce
    .number({ message: `must be a positive number of ${unit}` })
    .positive(`must be a positive number of ${unit}`)
    .default(fallback);

const MS = "must be a positive whole number of milliseconds";
export const milliseconds = (fallback: number) => z.coerce.number({ message: MS }).int(MS).positive(MS).default(fallback);

export const url = (example: string) => z.url({ message: `must be a URL like ${example}` });

const BPS = "must be whole basis points between 0 and 10000";
export const basisPoints = (fallback: number) => z.coerce.number({ message: BPS }).int(BPS).min(0, BPS).max(10_000, BPS).default(fallback);

export const address = () =>
  z
    .string()
    .refine((value) => isAddress(value), "is not an address")
    .transform((value) => getAddress(value));

/** How long a read from IPFS may take (the gate answers 503 after it); one default everywhere. */
export const IPFS_TIMEOUT_MS = milliseconds(5_000);
