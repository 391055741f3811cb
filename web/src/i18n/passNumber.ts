/** A pass's number within its tier: token ids carry the tier in their high bits (tier << 32 | serial). */
export const passNumber = (tokenId: bigint | string) => (BigInt(tokenId) & 0xffffffffn).toString();
