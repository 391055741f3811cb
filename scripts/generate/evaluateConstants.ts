import { network } from "hardhat";
import { type Abi, type AbiFunction, type Address, type Hex, parseAbi } from "viem";

export type ConstantValue = number | bigint | string | boolean;
export interface CompiledContract {
  abi: Abi;
  deployedBytecode: Hex;
  /** Where the constructor writes each immutable into the runtime code (byte offsets). */
  immutableReferences?: Record<string, { start: number; length: number }[]>;
}

/** The runtime code with every immutable filled with `byte` instead of the constructor's value. */
function withImmutables(contract: CompiledContract, byte: string): Hex {
  const code = contract.deployedBytecode.slice(2).split("");
  for (const { start, length } of Object.values(contract.immutableReferences ?? {}).flat()) {
    code.splice(start * 2, length * 2, ...byte.repeat(length));
  }
  return `0x${code.join("")}`;
}

const tierOfAbi = parseAbi(["function tierOf(uint256 tokenId) pure returns (uint256)"]);

// A public constant is a getter with an upper-case name and no inputs.
const isConstant = (item: Abi[number]): item is AbiFunction =>
  item.type === "function" &&
  /^[A-Z][A-Z0-9_]*$/.test(item.name) &&
  item.inputs.length === 0 &&
  (item.stateMutability === "view" || item.stateMutability === "pure");

/**
 * Every public constant of the contracts, evaluated by running their compiled code on an
 * in-process Hardhat chain: constants are inlined into the runtime code, so no constructor runs.
 * Also answers what only running code can: the local chain's id and the pass token id layout.
 */
export async function evaluateConstants(contracts: { MembershipPass: CompiledContract; ArticleEditions: CompiledContract }) {
  const connection = await network.create({ network: "default" });
  try {
    const client = await connection.viem.getPublicClient();
    const addresses = {
      MembershipPass: "0x0000000000000000000000000000000000007070",
      ArticleEditions: "0x0000000000000000000000000000000000007071",
    } as const satisfies Record<string, Address>;
    const constants = { MembershipPass: {}, ArticleEditions: {} } as Record<keyof typeof contracts, Record<string, ConstantValue>>;
    const read = (name: keyof typeof contracts, getter: AbiFunction) =>
      client.readContract({ address: addresses[name], abi: [getter], functionName: getter.name }) as Promise<ConstantValue>;
    for (const name of ["MembershipPass", "ArticleEditions"] as const) {
      const getters = contracts[name].abi.filter(isConstant);
      // Run twice with different immutables: an upper-case getter whose answer changes reads an
      // immutable set at deployment (like ArticleEditions.PASSES), not a constant.
      const answers: ConstantValue[][] = [];
      for (const byte of ["11", "22"]) {
        await connection.provider.request({ method: "hardhat_setCode", params: [addresses[name], withImmutables(contracts[name], byte)] });
        answers.push(await Promise.all(getters.map((getter) => read(name, getter))));
      }
      getters.forEach((getter, index) => {
        if (answers[0][index] === answers[1][index]) constants[name][getter.name] = answers[0][index];
      });
    }
    // Token ids are `tier << serialBits | serial`: the tier of the top bit alone tells serialBits.
    const topTier = await client.readContract({
      address: addresses.MembershipPass,
      abi: tierOfAbi,
      functionName: "tierOf",
      args: [1n << 255n],
    });
    const passSerialBits = 255 - (topTier.toString(2).length - 1);
    return { constants, localChainId: await client.getChainId(), passSerialBits };
  } finally {
    await connection.close();
  }
}
