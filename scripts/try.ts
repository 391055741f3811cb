import autocannon from "autocannon";
import { privateKeyToAccount } from "viem/accounts";
import { signIn } from "../test/helpers/siweClient.ts";
const reader = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
const cookie = await signIn(reader, { baseUrl: "http://127.0.0.1:3000", siteUrl: "http://localhost:3000", chainId: 31337 });
const result = await autocannon({ url: "http://127.0.0.1:3000/api/articles/1/premium", connections: 20, duration: 5, headers: { cookie } });
console.log(result.requests.average, result.latency.p50, result.latency.p99, result["2xx"], result.non2xx);
