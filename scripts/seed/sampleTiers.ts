import { parseEther } from "viem";

const DAY = 86_400;

/** The membership tiers the local publication starts with. */
export const SAMPLE_TIERS = [
  {
    name: "Reader (monthly)",
    price: parseEther("0.01"),
    duration: 30 * DAY,
    maxSupply: 0,
    level: 1,
    votingWeight: 0,
    transferable: true,
    saleOpen: true,
    metadataURI: "",
  },
  {
    name: "Premium reader (monthly)",
    price: parseEther("0.025"),
    duration: 30 * DAY,
    maxSupply: 0,
    level: 2,
    votingWeight: 0,
    transferable: true,
    saleOpen: true,
    metadataURI: "",
  },
  {
    name: "Member (lifetime, votes)",
    price: parseEther("0.2"),
    duration: 0,
    maxSupply: 1_000,
    level: 2,
    votingWeight: 1,
    transferable: true,
    saleOpen: true,
    metadataURI: "",
  },
  {
    name: "Founding member (lifetime, soulbound)",
    price: parseEther("1"),
    duration: 0,
    maxSupply: 100,
    level: 2,
    votingWeight: 3,
    transferable: false,
    saleOpen: true,
    metadataURI: "",
  },
] as const;
