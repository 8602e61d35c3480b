// Granted dossiers for the post-grant tests: each demo dossier is filed by its applicant, instructed,
// proposed and granted by a Commission session held today, through the real services, so its decision
// documents, its schedule and its rule-set version are those a real grant leaves behind.
import { AcceptanceMethod, AgreementSide, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { acceptAgreement } from "~/services/post-grant/agreement.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import { addToAgenda, createSession } from "~/services/commission/sessions.server";
import { startInstruction } from "~/services/instruction/actions.server";
import { proposeDossier } from "~/services/instruction/proposal.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { APP_URL, prepareDemo, type World } from "./instruction-world";

/** One demo dossier per scheme, and the yearly amounts voted for CAP ASSO (12 000 €, 12 000 €, 10 000 €). */
export const GRANTABLE = {
  CAP_ASSO: { demo: CAP_ASSO_DOSSIERS[0]!, yearly: [1_200_000, 1_200_000, 1_000_000] },
  A_VOS_ID: { demo: A_VOS_ID_DOSSIERS[0]!, yearly: [] },
  CAP_SCOP_SCIC: {
    demo: COOPERATIVE_AND_ADVANCE_DOSSIERS.find((demo) => demo.scheme === SchemeCode.CAP_SCOP_SCIC)!,
    yearly: [],
  },
  EQUITY_ADVANCE: {
    demo: COOPERATIVE_AND_ADVANCE_DOSSIERS.find((demo) => demo.scheme === SchemeCode.EQUITY_ADVANCE)!,
    yearly: [],
  },
} as const;

export type GrantedDossier = Awaited<ReturnType<typeof prepareDemo>> & {
  number: string;
  grantedAmountCents: number;
};

/**
 * Grants fresh copies of the schemes' demo dossiers at one Commission session held today (a session a
 * day: call it once per world, with every scheme the test needs). Returns them in the order asked.
 */
export async function grantDossiers(
  world: World,
  schemes: readonly (keyof typeof GRANTABLE)[],
): Promise<GrantedDossier[]> {
  const { db, storage, instructor } = world;
  const granted: GrantedDossier[] = [];
  for (const scheme of schemes) {
    const { demo, yearly } = GRANTABLE[scheme];
    const prepared = await prepareDemo(world, demo);
    const { number } = await fileDossier(db, storage, {
      userId: prepared.owner.id,
      dossierId: prepared.id,
      appUrl: APP_URL,
    });
    const revision = async () =>
      (await db.dossier.findUniqueOrThrow({ where: { id: prepared.id }, select: { revision: true } }))
        .revision;
    await startInstruction(db, {
      actor: instructor,
      dossierId: prepared.id,
      revision: await revision(),
      appUrl: APP_URL,
    });
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: prepared.id } });
    const amountCents =
      yearly.length > 0 ? yearly.reduce((sum, year) => sum + year, 0) : dossier.requestedAmountCents!;
    await proposeDossier(db, storage, {
      actor: instructor,
      dossierId: prepared.id,
      revision: await revision(),
      favourable: true,
      motivation: "Projet solide, budget équilibré, partenaires engagés : avis favorable.",
      proposedAmountCents: amountCents,
      yearlyAmountsCents: [...yearly],
      appUrl: APP_URL,
    });
    granted.push({ ...prepared, number: number!, grantedAmountCents: amountCents });
  }
  const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const session = await createSession(db, { actor: instructor, date: parisDay, now: new Date() });
  await addToAgenda(db, {
    actor: instructor,
    sessionId: session.id,
    dossierIds: granted.map((dossier) => dossier.id),
    now: new Date(),
  });
  await recordSessionDecisions(db, storage, {
    actor: instructor,
    sessionId: session.id,
    decisions: granted.map((dossier, index) => ({
      dossierId: dossier.id,
      outcome: "GRANTED" as const,
      amountCents: dossier.grantedAmountCents,
      yearlyAmountsCents: [...GRANTABLE[schemes[index]!].yearly],
      motivation: "",
    })),
    now: new Date(),
    appUrl: APP_URL,
  });
  return granted;
}

/** Both sides accept the dossier's agreement online, the association's owner first, through the service. */
export async function acceptBothSides(world: World, dossierId: string, ownerId: string): Promise<void> {
  const common = {
    dossierId,
    method: AcceptanceMethod.ONLINE,
    declared: true,
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0 (test)",
    appUrl: APP_URL,
  };
  await acceptAgreement(world.db, world.storage, {
    ...common,
    side: AgreementSide.HOLDER,
    actor: { id: ownerId, role: UserRole.APPLICANT },
    signatoryName: "Camille Martin",
    signatoryRole: "présidente",
    now: new Date(),
  });
  await acceptAgreement(world.db, world.storage, {
    ...common,
    side: AgreementSide.REGION,
    actor: world.instructor,
    signatoryName: "Le Président du Conseil régional",
    signatoryRole: "par délégation",
    now: new Date(),
  });
}
