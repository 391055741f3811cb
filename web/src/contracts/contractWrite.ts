import type { Abi, ContractFunctionArgs, ContractFunctionName, ContractFunctionParameters } from "viem";

/** The functions a transaction can call. */
export type WriteMutability = "nonpayable" | "payable";

/**
 * One contract write, typed by its ABI: `functionName` must be a write function of `abi` and
 * `args` its exact argument types, as viem's `writeContract` checks them.
 */
export type ContractWrite<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, WriteMutability> = ContractFunctionName<abi, WriteMutability>,
  args extends ContractFunctionArgs<abi, WriteMutability, functionName> = ContractFunctionArgs<abi, WriteMutability, functionName>,
> = ContractFunctionParameters<abi, WriteMutability, functionName, args> & { value?: bigint };

/** Checks a write against its ABI and keeps its precise type (what every builder returns). */
export function contractWrite<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  const args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>(call: ContractWrite<abi, functionName, args>): ContractWrite<abi, functionName, args> {
  return call;
}
