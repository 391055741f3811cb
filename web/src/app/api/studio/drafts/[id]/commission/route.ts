import type { NextRequest } from "next/server";
import { isOpenCommission } from "@/server/commissionFacts.ts";
import { daoAddresses } from "@/server/dao.ts";
import { studioRoute } from "@/server/studio/studioRoute.ts";
import { answerCommission } from "@/studio/studioActions.ts";

/** Which open commission of the coverage DAO the draft answers: `{ commissionId: "3" }`, or null for none. */
export const PUT = async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return studioRoute(request, (db, viewer, body) =>
    answerCommission(db, viewer, id, body, (commissionId) => isOpenCommission(daoAddresses(), commissionId)),
  );
};
