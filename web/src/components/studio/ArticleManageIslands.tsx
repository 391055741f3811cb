"use client";
import dynamic from "next/dynamic";
import type { ArticleRevisionProps } from "@/wallet/ArticleRevisionWallet.tsx";
import type { UnlistProps } from "@/wallet/UnlistWallet.tsx";

// The revise and unlist panels, loaded in the browser only (like the other wallet islands).
const loading = () => <p className="muted">…</p>;
const ArticleRevisionWallet = dynamic(() => import("@/wallet/ArticleRevisionWallet.tsx"), { ssr: false, loading });
const UnlistWallet = dynamic(() => import("@/wallet/UnlistWallet.tsx"), { ssr: false, loading });

export const ArticleRevisionIsland = (props: ArticleRevisionProps) => <ArticleRevisionWallet {...props} />;
export const UnlistIsland = (props: UnlistProps) => <UnlistWallet {...props} />;
