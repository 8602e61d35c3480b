// A takeover of a company by its employees (CAP SCOP-SCIC) and two equity advances pre-financing EU grants.
import {
  CorrectionStatus,
  DossierStatus,
  InstalmentKind,
  SchemeCode,
} from "../../app/generated/prisma/enums";
import { defaultRuleSetParameters } from "../../app/domain/schemes";
import { COMMISSION_SESSION_DATES_2026 } from "../reference/commission-sessions";
import { paris } from "../paris-time";

import { equalRepayments, euros, type DemoDossier } from "./dossier-writer";

const { FILED, UNDER_INSTRUCTION, CORRECTION_REQUESTED, PROPOSED, GRANTED } = DossierStatus;
const [MARCH_2026] = COMMISSION_SESSION_DATES_2026;

const filedBy = (at: Date) =>
  ({ at, to: FILED, by: "applicantCooperative", reason: "Dépôt du dossier par le porteur" }) as const;
const takenUp = (at: Date) =>
  ({ at, to: UNDER_INSTRUCTION, by: "instructor", reason: "Dossier complet, instruction engagée" }) as const;

const associates: Array<[firstName: string, lastName: string, contributionCents: number]> = [
  ["Olivier", "Perrin", 800_000],
  ["Nadia", "Bouchard", 800_000],
  ["Thierry", "Gauthier", 300_000],
  ["Sandrine", "Marchand", 300_000],
  ["Kevin", "Rousseau", 300_000],
  ["Fatima", "El Amrani", 300_000],
  ["Damien", "Colin", 300_000],
  ["Aurélie", "Vidal", 300_000],
  ["Jérôme", "Masson", 300_000],
  ["Pauline", "Guérin", 300_000],
  ["Sébastien", "Noël", 300_000],
  ["Mélanie", "Brunet", 300_000],
  ["Franck", "Paris", 300_000],
  ["Laetitia", "Barbier", 300_000],
];
const contributions = associates.map(([, , cents]) => cents);

const menuisiers: DemoDossier = {
  scheme: SchemeCode.CAP_SCOP_SCIC,
  organisation: "menuisiersVendomois",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-10-20T08:30"),
  title: "Reprise des Menuiseries du Vendômois en SCOP par quatorze salariés",
  answers: {
    operationType: "TAKEOVER",
    cooperativeSiret: null,
    employeeAssociates: associates.map(([firstName, lastName, contributionCents]) => ({
      firstName,
      lastName,
      contributionCents,
    })),
    support:
      "Le cédant part à la retraite. L’URSCOP accompagne la reprise depuis juin 2026, la SCOP sera immatriculée en janvier 2027.",
  },
  // Each contribution is matched up to 5 000 € per employee-associate.
  requestedAmountCents: contributions.reduce((sum, cents) => sum + Math.min(cents, 500_000), 0),
  departmentCode: "41",
  employeeAssociatesCount: contributions.length,
  history: [filedBy(paris("2026-11-09T14:20"))],
  sharedAt: paris("2026-11-09T14:21"),
  funderComments: [
    {
      at: paris("2026-11-16T10:05"),
      by: "funder",
      body: "La Banque des Territoires n’intervient pas sur ce type de reprise. France Active pourrait garantir le prêt bancaire des repreneurs, à voir en revue de projets.",
    },
  ],
};

const tremplin: DemoDossier = {
  scheme: SchemeCode.EQUITY_ADVANCE,
  organisation: "tremplinEmploiTouraine",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-10-01T09:00"),
  title: "Préfinancer l’accompagnement renforcé vers l’emploi cofinancé par le FSE+",
  answers: {
    euProgramme: "FSE_PLUS",
    euGrantStatus: "REQUESTED",
    euGrantCents: 18_000_000,
    euGrantReference: "FSE+ CVL 202604217",
    expectedEuPayments: [
      { date: "2027-06-30", amountCents: 7_200_000 },
      { date: "2028-06-30", amountCents: 10_800_000 },
    ],
    durationMonths: 36,
    projectSummary:
      "Accompagnement renforcé de 120 demandeurs d’emploi de longue durée par an à Joué-lès-Tours et dans le sud de la métropole.",
  },
  requestedAmountCents: 8_000_000,
  totalBudgetCents: 36_000_000,
  departmentCode: "37",
  history: [
    filedBy(paris("2026-10-16T11:00")),
    takenUp(paris("2026-10-26T09:30")),
    {
      at: paris("2026-11-16T15:45"),
      to: CORRECTION_REQUESTED,
      by: "instructor",
      reason: "Référence et décision FSE+ à justifier",
    },
  ],
  assignment: { at: paris("2026-10-26T09:15"), by: "admin", to: "instructor" },
  correction: {
    at: paris("2026-11-16T15:45"),
    reason:
      "Merci de joindre l’accusé de réception de la demande FSE+ par le service instructeur, avec sa référence, et un plan de trésorerie mois par mois.",
    fields: ["euGrantReference"],
    attachmentKinds: ["EU_GRANT_DECISION", "CASH_FLOW_PLAN"],
    replyBy: paris("2026-12-16T23:59"),
    status: CorrectionStatus.OPEN,
  },
};

// The granted advance repays on the version-1 schedule: 12 months' deferral, then every 3 months.
const advance = defaultRuleSetParameters("EQUITY_ADVANCE");
const brennePaidAt = paris("2026-04-15");
const brenneAmountCents = 3_000_000;

const brenne: DemoDossier = {
  scheme: SchemeCode.EQUITY_ADVANCE,
  organisation: "brennePatrimoine",
  createdBy: "applicantCooperative",
  createdAt: paris("2025-12-01T10:00"),
  title: "Préfinancer la restauration participative du moulin de Mézières (LEADER)",
  answers: {
    euProgramme: "LEADER",
    euGrantStatus: "AGREED",
    euGrantCents: 6_400_000,
    euGrantReference: "LEADER GAL Brenne 2025-0417",
    expectedEuPayments: [
      { date: "2026-10-15", amountCents: 3_200_000 },
      { date: "2027-09-30", amountCents: 3_200_000 },
    ],
    durationMonths: advance.maxDurationMonths,
    projectSummary:
      "Chantiers participatifs de restauration du moulin, ouverts aux habitants et aux jeunes en service civique, pour en faire un lieu de découverte du patrimoine de la Brenne.",
  },
  requestedAmountCents: brenneAmountCents,
  proposedAmountCents: brenneAmountCents,
  grantedAmountCents: brenneAmountCents,
  totalBudgetCents: 12_800_000,
  departmentCode: "36",
  territoryCode: "36-brenne",
  history: [
    filedBy(paris("2026-01-12T10:30")),
    takenUp(paris("2026-01-19T09:00")),
    {
      at: paris("2026-02-20T11:00"),
      to: PROPOSED,
      by: "instructor",
      reason: `Avis favorable, proposition d’une avance de ${euros(brenneAmountCents)}`,
    },
    {
      at: paris("2026-03-20T12:00"),
      to: GRANTED,
      by: "instructor",
      reason: `Avance de ${euros(brenneAmountCents)} accordée par la Commission permanente du 20 mars 2026`,
    },
  ],
  assignment: { at: paris("2026-01-19T08:50"), by: "admin", to: "instructor" },
  commissionSessionDate: MARCH_2026,
  opinion: {
    at: paris("2026-02-20T11:00"),
    favourable: true,
    motivation:
      "Subvention LEADER notifiée, avance inférieure à la moitié de la subvention européenne, trésorerie de l’association insuffisante pour attendre le premier versement.",
    proposedAmountCents: brenneAmountCents,
  },
  instalments: [
    {
      kind: InstalmentKind.PAYMENT,
      dueDate: brennePaidAt,
      amountCents: brenneAmountCents,
      paidAt: brennePaidAt,
    },
    ...equalRepayments(
      brenneAmountCents,
      brennePaidAt,
      advance.repaymentDeferralMonths,
      advance.repaymentFrequencyMonths,
      advance.maxDurationMonths,
    ),
  ],
};

export const COOPERATIVE_AND_ADVANCE_DOSSIERS: readonly DemoDossier[] = [menuisiers, tremplin, brenne];
