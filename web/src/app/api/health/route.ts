// A constant answer, with no session, chain or IPFS behind it: load balancers ask it whether this
// server is up, and `npm run bench:web` measures it as the machine's ceiling for any route.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
