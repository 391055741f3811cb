"use client";
import dynamic from "next/dynamic";
import type { CommissionActionsProps } from "@/wallet/CommissionWallet.tsx";
import type { FulfilWalletProps } from "@/wallet/FulfilWallet.tsx";
import type { NewProposalProps } from "@/wallet/NewProposalWallet.tsx";
import type { ProposalActionsProps } from "@/wallet/ProposalWallet.tsx";
import type { WalletSetup } from "@/wallet/walletSetup.ts";

// The DAO's wallet parts, loaded in the browser only (like the other wallet islands).
const loading = () => <p className="muted">…</p>;
const DaoMemberWallet = dynamic(() => import("@/wallet/DaoMemberWallet.tsx"), { ssr: false, loading });
const ProposalWallet = dynamic(() => import("@/wallet/ProposalWallet.tsx"), { ssr: false, loading });
const NewProposalWallet = dynamic(() => import("@/wallet/NewProposalWallet.tsx"), { ssr: false, loading });
const FulfilWallet = dynamic(() => import("@/wallet/FulfilWallet.tsx"), { ssr: false, loading });
const CommissionWallet = dynamic(() => import("@/wallet/CommissionWallet.tsx"), { ssr: false, loading });

export const DaoMemberIsland = (props: { setup: WalletSetup }) => <DaoMemberWallet {...props} />;
export const ProposalIsland = (props: ProposalActionsProps) => <ProposalWallet {...props} />;
export const NewProposalIsland = (props: NewProposalProps) => <NewProposalWallet {...props} />;
export const CommissionIsland = (props: CommissionActionsProps) => <CommissionWallet {...props} />;
export const FulfilIsland = (props: FulfilWalletProps) => <FulfilWallet {...props} />;
