// POST /api/eligibility — the public JSON contract (README, « API d’éligibilité »).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { handleEligibilityRequest } from "~/services/eligibility.server";

export function loader({ request }: LoaderFunctionArgs) {
  return handleEligibilityRequest(db, request);
}

export function action({ request }: ActionFunctionArgs) {
  return handleEligibilityRequest(db, request);
}
