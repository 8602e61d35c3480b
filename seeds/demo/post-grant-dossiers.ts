// Granted dossiers for the life after the grant (seeds/demo/post-grant.ts writes their acceptances,
// payments, reports and recoveries). They are copies of the other demo dossiers' projects under other
// organisations and titles, filed in 2024 and 2025 so that the numbers of the 2026 dossiers the other
// tests name do not move. Two stay granted with no acceptance (CAP ASSO, CAP SCOP-SCIC), like the A VOS ID
// of the SCIC Berry Énergies, for the agreement's own tests.
import type { RawAnswers } from "../../app/domain/dossier-forms";
import { defaultRuleSetParameters } from "../../app/domain/schemes";
import { DossierStatus, InstalmentKind, SchemeCode } from "../../app/generated/prisma/enums";
import { paris } from "../paris-time";

import { A_VOS_ID_DOSSIERS } from "./dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "./dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "./dossiers-cooperatives-and-advances";
import { DEMO_SESSION_2024 } from "./dossiers-cyclopostiers";
import { advanceRepayments, euros, type DemoDossier } from "./dossier-writer";
import type { DemoOrganisationKey } from "./organisations";

const { FILED, UNDER_INSTRUCTION, PROPOSED, GRANTED, SETTLED } = DossierStatus;

export const DEMO_SESSION_JULY_2025 = paris("2025-07-11T09:30");
export const DEMO_SESSION_DECEMBER_2025 = paris("2025-12-12T09:30");
const MARCH_2026 = paris("2026-03-20T09:30");
const JULY_2026 = paris("2026-07-10T09:30");

function answersOf(dossiers: readonly DemoDossier[], organisation: DemoOrganisationKey): RawAnswers {
  const found = dossiers.find((dossier) => dossier.organisation === organisation);
  if (!found) throw new Error(`Demo seed: no dossier of ${organisation} to copy`);
  return found.answers;
}

function sessionWords(date: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }).format(date);
}

interface GrantedCopy {
  scheme: SchemeCode;
  organisation: DemoOrganisationKey;
  answers: RawAnswers;
  filedAt: Date;
  session: Date;
  amountCents: number;
  yearlyAmountsCents?: number[];
  instalments: Array<{ dueDate: Date; amountCents: number }>;
  sharedAt?: Date;
  settledAt?: Date;
  motivation: string;
}

function grantedCopy(copy: GrantedCopy): DemoDossier {
  const day = (offset: number) => new Date(copy.filedAt.getTime() + offset * 86_400_000);
  const proposedAt = new Date(copy.session.getTime() - 35 * 86_400_000);
  const grantedAt = new Date(copy.session.getTime() + 3 * 3_600_000);
  const amount = euros(copy.amountCents);
  return {
    scheme: copy.scheme,
    organisation: copy.organisation,
    createdBy: "applicantCooperative",
    createdAt: day(-14),
    answers: copy.answers,
    proposedAmountCents: copy.amountCents,
    grantedAmountCents: copy.amountCents,
    history: [
      { at: copy.filedAt, to: FILED, by: "applicantCooperative", reason: "Dépôt du dossier par le porteur" },
      { at: day(7), to: UNDER_INSTRUCTION, by: "instructor", reason: "Dossier complet, instruction engagée" },
      {
        at: proposedAt,
        to: PROPOSED,
        by: "instructor",
        reason: `Avis favorable, proposition de ${amount} à la Commission permanente`,
      },
      {
        at: grantedAt,
        to: GRANTED,
        by: "instructor",
        reason: `Subvention de ${amount} accordée par la Commission permanente du ${sessionWords(copy.session)}`,
      },
      ...(copy.settledAt
        ? [
            {
              at: copy.settledAt,
              to: SETTLED,
              by: "instructor" as const,
              reason: "Dossier soldé : la subvention a été entièrement versée",
            },
          ]
        : []),
    ],
    assignment: { at: day(7), by: "admin", to: "instructor" },
    commissionSessionDate: copy.session,
    sharedAt: copy.sharedAt,
    opinion: {
      at: proposedAt,
      favourable: true,
      motivation: copy.motivation,
      proposedAmountCents: copy.amountCents,
      yearlyAmountsCents: copy.yearlyAmountsCents,
    },
    instalments: copy.instalments.map((instalment) => ({ kind: InstalmentKind.PAYMENT, ...instalment })),
  };
}

// ── CAP ASSO: 36 000 € over three years, 12 000 € a year (an advance of 6 000 € each year) ──
const sportSanteAnswers = answersOf(CAP_ASSO_DOSSIERS, "sportSanteBerry");
const YEAR = 1_200_000;

function capAsso(
  organisation: DemoOrganisationKey,
  title: string,
  filedAt: Date,
  session: Date,
  jobStart: string,
  sharedAt?: Date,
): DemoDossier {
  const year = (n: number) => paris(`${session.getUTCFullYear() + n}-09-30`);
  return grantedCopy({
    scheme: SchemeCode.CAP_ASSO,
    organisation,
    answers: {
      ...sportSanteAnswers,
      title,
      jobs: [
        {
          title: "Éducateur sportif sport-santé",
          kind: "CREATED",
          contract: "CDI",
          fte: "1",
          startDate: jobStart,
        },
      ],
    },
    filedAt,
    session,
    amountCents: 3 * YEAR,
    yearlyAmountsCents: [YEAR, YEAR, YEAR],
    instalments: [year(0), year(1), year(2)].map((dueDate) => ({ dueDate, amountCents: YEAR })),
    sharedAt,
    motivation:
      "Besoin avéré (aucune séance d’activité physique adaptée à moins de quarante kilomètres), emploi en CDI, cofinancement de l’ARS acquis.",
  });
}

export const CAP_ASSO_ADVANCE_PAID = capAsso(
  "treteauxDeLoire",
  "Ateliers de théâtre-santé pour les patients des maisons de santé du Chinonais",
  paris("2025-09-15T11:00"),
  DEMO_SESSION_DECEMBER_2025,
  "2026-03-02",
);
export const CAP_ASSO_BALANCE_REQUESTED = capAsso(
  "sportSanteBerry",
  "Activité physique adaptée dans les communes du Pays Berry Saint-Amandois",
  paris("2025-03-10T10:00"),
  DEMO_SESSION_JULY_2025,
  "2025-10-01",
  paris("2025-03-10T10:05"),
);
export const CAP_ASSO_REPORT_OVERDUE = capAsso(
  "tremplinEmploiTouraine",
  "Un poste de coach sportif pour les personnes en parcours d’insertion en Touraine",
  paris("2024-03-18T15:30"),
  DEMO_SESSION_2024,
  "2024-11-04",
);
export const CAP_ASSO_YEAR_2 = capAsso(
  "mjcNogent",
  "Sport-santé et activités physiques pour les seniors du Perche",
  paris("2024-03-04T09:20"),
  DEMO_SESSION_2024,
  "2024-10-01",
  paris("2024-03-04T09:25"),
);
/** Granted, no acceptance yet: the agreement's own tests accept it. */
export const CAP_ASSO_GRANTED = capAsso(
  "brennePatrimoine",
  "Randonnées santé et sport adapté dans le Parc naturel régional de la Brenne",
  paris("2025-11-24T14:00"),
  JULY_2026,
  "2026-10-01",
);

// ── A VOS ID: 40 000 € for 120 000 € of eligible expenses, an advance of 30 % (12 000 €) ──
const berryAnswers = answersOf(A_VOS_ID_DOSSIERS, "berryEnergies");
const A_VOS_ID_AMOUNT = 4_000_000;

function aVosId(
  organisation: DemoOrganisationKey,
  title: string,
  filedAt: Date,
  session: Date,
  sharedAt?: Date,
): DemoDossier {
  return grantedCopy({
    scheme: SchemeCode.A_VOS_ID,
    organisation,
    answers: { ...berryAnswers, title },
    filedAt,
    session,
    amountCents: A_VOS_ID_AMOUNT,
    instalments: [
      { dueDate: paris(`${session.getUTCFullYear()}-10-01`), amountCents: 1_200_000 },
      { dueDate: paris(`${session.getUTCFullYear() + 2}-12-31`), amountCents: 2_800_000 },
    ],
    sharedAt,
    motivation:
      "Projet coopératif ancré dans son territoire, effet de levier sur l’épargne citoyenne. Subvention plafonnée à un tiers des dépenses éligibles.",
  });
}

export const A_VOS_ID_BALANCE_REQUESTED = aVosId(
  "coopactionTouraine",
  "Centrales solaires partagées sur les toits des ateliers de la coopérative à Tours",
  paris("2024-03-11T10:40"),
  DEMO_SESSION_2024,
  paris("2024-03-11T10:45"),
);
export const A_VOS_ID_RECOVERY = aVosId(
  "syndicatLaChatre",
  "Ombrières photovoltaïques citoyennes sur le parking de la maison du Pays de La Châtre",
  paris("2024-04-02T16:00"),
  DEMO_SESSION_2024,
  paris("2024-04-02T16:05"),
);

// ── CAP SCOP-SCIC: 46 000 € for fourteen employee-associates, paid once on proof of paid-up capital ──
const menuisiersAnswers = answersOf(COOPERATIVE_AND_ADVANCE_DOSSIERS, "menuisiersVendomois");
const CAP_SCOP_AMOUNT = 4_600_000;

function capScop(
  organisation: DemoOrganisationKey,
  title: string,
  cooperative: { name: string; form: "SCOP" | "SCIC" },
  filedAt: Date,
  session: Date,
  settledAt?: Date,
): DemoDossier {
  return grantedCopy({
    scheme: SchemeCode.CAP_SCOP_SCIC,
    organisation,
    answers: {
      ...menuisiersAnswers,
      title,
      cooperativeName: cooperative.name,
      cooperativeForm: cooperative.form,
      registrationDate: "2026-01-12",
    },
    filedAt,
    session,
    amountCents: CAP_SCOP_AMOUNT,
    instalments: [{ dueDate: new Date(session.getTime() + 120 * 86_400_000), amountCents: CAP_SCOP_AMOUNT }],
    settledAt,
    motivation:
      "Reprise accompagnée par l’URSCOP, quatorze salariés associés, apports conformes aux plafonds du dispositif.",
  });
}

export const CAP_SCOP_REQUESTED = capScop(
  "menuisiersVendomois",
  "Reprise de la Scierie du Perche vendômois en SCOP par ses quatorze salariés",
  { name: "Scierie du Perche vendômois SCOP", form: "SCOP" },
  paris("2025-10-06T09:00"),
  MARCH_2026,
);
export const CAP_SCOP_SETTLED = capScop(
  "berryEnergies",
  "Entrée au capital de quatorze salariés de la SCIC Berry Énergies Citoyennes",
  { name: "SCIC Berry Énergies Citoyennes", form: "SCIC" },
  paris("2025-09-22T14:30"),
  MARCH_2026,
  paris("2026-06-16T10:00"),
);
/** Granted, no acceptance yet: the agreement's own tests accept it. */
export const CAP_SCOP_GRANTED = capScop(
  "berryEnergies",
  "Entrée au capital des salariés de l’atelier de maintenance de la SCIC Berry Énergies Citoyennes",
  { name: "SCIC Berry Énergies Citoyennes", form: "SCIC" },
  paris("2025-11-17T10:15"),
  JULY_2026,
);

// ── Equity advances (Mesure 16): a LEADER-like project of 128 000 €, 64 000 € of EU grant, the advance
// prefinancing part of it; repaid on the version-1 schedule (12 months' deferral, then every 3 months) ──
const brenneAnswers = answersOf(COOPERATIVE_AND_ADVANCE_DOSSIERS, "brennePatrimoine");
const ADVANCE_RULES = defaultRuleSetParameters(SchemeCode.EQUITY_ADVANCE);

function equityAdvance(
  organisation: DemoOrganisationKey,
  title: string,
  programme: { code: "FSE_PLUS" | "FEDER" | "LEADER"; reference: string },
  amountEuros: number,
  filedAt: Date,
  session: Date,
  sharedAt?: Date,
): DemoDossier {
  const amountCents = amountEuros * 100;
  const typed = (value: number) => value.toLocaleString("fr-FR").replace(/\u202f/g, " ");
  const copy = grantedCopy({
    scheme: SchemeCode.EQUITY_ADVANCE,
    organisation,
    answers: {
      ...brenneAnswers,
      title,
      euProgramme: programme.code,
      euGrantReference: programme.reference,
      advanceAmount: typed(amountEuros),
      resources: (brenneAnswers.resources as Array<Record<string, string>>).map((line) =>
        line.category === "REGION"
          ? { ...line, amount: typed(amountEuros) }
          : line.category === "EU"
            ? {
                ...line,
                label: `Solde de la subvention européenne (64 000 €, dont ${typed(amountEuros)} € préfinancés par l’avance)`,
                amount: typed(64_000 - amountEuros),
              }
            : line,
      ),
    },
    filedAt,
    session,
    amountCents,
    instalments: [],
    sharedAt,
    motivation:
      "Subvention européenne notifiée, avance inférieure à la moitié de celle-ci, trésorerie de l’association insuffisante pour attendre le premier versement.",
  });
  // Granted as an advance, its repayments foreseen from a payment a month after the session.
  const paidAt = new Date(session.getTime() + 30 * 86_400_000);
  return {
    ...copy,
    history: copy.history.map((event) =>
      event.to === GRANTED
        ? {
            ...event,
            reason: `Avance de ${euros(amountCents)} accordée par la Commission permanente du ${sessionWords(session)}`,
          }
        : event.to === PROPOSED
          ? { ...event, reason: `Avis favorable, proposition d’une avance de ${euros(amountCents)}` }
          : event,
    ),
    instalments: [
      { kind: InstalmentKind.PAYMENT, dueDate: paidAt, amountCents },
      ...advanceRepayments(amountCents, paidAt, ADVANCE_RULES),
    ],
  };
}

/** Paid a few days ago: nothing due before a year. The e2e of the advance walks it to the end. */
export const ADVANCE_JUST_PAID = equityAdvance(
  "brennePatrimoine",
  "Préfinancer les chantiers d’insertion du sentier des étangs de la Brenne (LEADER)",
  { code: "LEADER", reference: "LEADER GAL Brenne 2026-0112" },
  24_000,
  paris("2025-11-03T10:00"),
  JULY_2026,
);
export const ADVANCE_ON_TIME = equityAdvance(
  "tremplinEmploiTouraine",
  "Préfinancer les ateliers de remobilisation vers l’emploi cofinancés par le FSE+",
  { code: "FSE_PLUS", reference: "FSE+ CVL 202400931" },
  30_000,
  paris("2024-02-19T14:20"),
  DEMO_SESSION_2024,
);
/** One instalment unpaid for 40 days, reminded with the formal letter; shared with the funders. */
export const ADVANCE_LATE = equityAdvance(
  "ateliersRomorantinais",
  "Préfinancer la recyclerie solidaire du Romorantinais (FEDER)",
  { code: "FEDER", reference: "FEDER CVL 2024-0388" },
  18_000,
  paris("2024-03-25T11:15"),
  DEMO_SESSION_2024,
  paris("2024-03-25T11:20"),
);
export const ADVANCE_RESCHEDULED = equityAdvance(
  "mjcNogent",
  "Préfinancer l’espace numérique itinérant du Perche (FEDER)",
  { code: "FEDER", reference: "FEDER CVL 2025-0126" },
  27_000,
  paris("2025-02-10T09:40"),
  DEMO_SESSION_JULY_2025,
);
export const ADVANCE_EARLY = equityAdvance(
  "treteauxDeLoire",
  "Préfinancer la tournée théâtrale dans les villages du Chinonais (LEADER)",
  { code: "LEADER", reference: "LEADER GAL Chinonais 2025-0071" },
  32_000,
  paris("2025-02-24T16:30"),
  DEMO_SESSION_JULY_2025,
);
export const ADVANCE_REPAID = equityAdvance(
  "sportSanteBerry",
  "Préfinancer le parcours sport-santé des quartiers prioritaires de Vierzon (FSE+)",
  { code: "FSE_PLUS", reference: "FSE+ CVL 202400417" },
  20_000,
  paris("2024-02-05T10:10"),
  DEMO_SESSION_2024,
);

export const POST_GRANT_DOSSIERS: readonly DemoDossier[] = [
  CAP_ASSO_ADVANCE_PAID,
  CAP_ASSO_BALANCE_REQUESTED,
  CAP_ASSO_REPORT_OVERDUE,
  CAP_ASSO_YEAR_2,
  CAP_ASSO_GRANTED,
  A_VOS_ID_BALANCE_REQUESTED,
  A_VOS_ID_RECOVERY,
  CAP_SCOP_REQUESTED,
  CAP_SCOP_SETTLED,
  CAP_SCOP_GRANTED,
  ADVANCE_JUST_PAID,
  ADVANCE_ON_TIME,
  ADVANCE_LATE,
  ADVANCE_RESCHEDULED,
  ADVANCE_EARLY,
  ADVANCE_REPAID,
];
