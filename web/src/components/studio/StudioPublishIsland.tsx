"use client";
import dynamic from "next/dynamic";
import type { StudioPublishProps } from "@/wallet/StudioPublishWallet.tsx";

const StudioPublishWallet = dynamic(() => import("@/wallet/StudioPublishWallet.tsx"), {
  ssr: false,
  loading: () => <p className="muted">…</p>,
});

export function StudioPublishIsland(props: StudioPublishProps) {
  return <StudioPublishWallet {...props} />;
}
