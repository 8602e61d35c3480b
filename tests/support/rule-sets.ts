// Shared by the rule-set administration tests: a CAP ASSO draft asking more than version 1 allows, and
// Paris days counted from today as an admin's date field posts them.
import { expect } from "vitest";

import { paris, parisDay } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus } from "~/generated/prisma/enums";
import { RuleSetError } from "~/services/admin/rule-sets.server";
import { answerEligibility } from "~/services/schemes/eligibility.server";

import type { DemoDossier } from "../../seeds/demo/dossier-writer";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";

import { DAY, fileDemo, type World } from "./instruction-world";

/** The demo CAP ASSO project, asking 25 000 € a year: above version 1's ceiling, within version 2's. */
export const ASKING_25K: DemoDossier = {
  ...CAP_ASSO_DOSSIERS[0]!,
  answers: {
    ...CAP_ASSO_DOSSIERS[0]!.answers,
    title: "Éducateur sport-santé dans le Saint-Amandois, 25 000 € par an",
    amountYear1: "25 000",
    amountYear2: "25 000",
    amountYear3: "25 000",
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "75 000" },
      { category: "STATE", label: "Agence régionale de santé — sport-santé", amount: "30 000" },
      { category: "EPCI", label: "Communauté de communes Cœur de France", amount: "15 000" },
      { category: "SALES", label: "Participation des patients", amount: "6 000" },
    ],
  },
};

/** A draft asking 25 000 € a year, every step saved and piece uploaded: version 1 refuses to file it. */
export async function draftAsking25k(world: World) {
  await expect(fileDemo(world, ASKING_25K)).rejects.toThrow(/conditions d’éligibilité/);
  const draft = await world.db.dossier.findFirstOrThrow({
    where: { status: DossierStatus.DRAFT, title: ASKING_25K.answers.title as string },
    orderBy: { createdAt: "desc" },
    include: { ruleSet: true },
  });
  expect(draft.ruleSet.version).toBe(1);
  return { id: draft.id, ownerId: draft.createdById };
}

/** A Paris day `days` after today, as `<input type="date">` posts it. */
export const dayFromToday = (days: number) =>
  parisDay(new Date(paris(parisDay(new Date())).getTime() + days * DAY + 12 * 3_600_000));

export const CAP_ASSO_SITUATION = {
  organisation: { legalForm: "association", department: "45", generalInterest: true },
  project: { jobsFte: 1.5, cdi: true, annualAmountEur: 25_000 },
};

/** One scheme's answer of the public eligibility API, as another tool would ask it. */
export async function eligibilityOf(db: PrismaClient, code: string, situation: object) {
  const answer = await answerEligibility(db, {
    method: "POST",
    contentType: "application/json",
    readBody: async () => JSON.stringify(situation),
  });
  const body = answer.body as {
    results: Array<{
      scheme: string;
      ruleSetVersion: number;
      eligible: boolean | null;
      maxAmountEur: number | null;
    }>;
  };
  return body.results.find((result) => result.scheme === code)!;
}

/** The RuleSetError a use case refused with. */
export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RuleSetError);
  return error as RuleSetError;
}
