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

import { advanceRepayments, euros, type DemoDossier } from "./dossier-writer";

const { FILED, UNDER_INSTRUCTION, CORRECTION_REQUESTED, PROPOSED, GRANTED } = DossierStatus;
const [MARCH_2026] = COMMISSION_SESSION_DATES_2026;

const filedBy = (at: Date) =>
  ({ at, to: FILED, by: "applicantCooperative", reason: "Dépôt du dossier par le porteur" }) as const;
const takenUp = (at: Date) =>
  ({ at, to: UNDER_INSTRUCTION, by: "instructor", reason: "Dossier complet, instruction engagée" }) as const;

// Each contribution is matched up to 5 000 € per employee-associate: 46 000 € asked of the Region.
const associates: Array<[firstName: string, lastName: string, contribution: string]> = [
  ["Olivier", "Perrin", "8 000"],
  ["Nadia", "Bouchard", "8 000"],
  ["Thierry", "Gauthier", "3 000"],
  ["Sandrine", "Marchand", "3 000"],
  ["Kevin", "Rousseau", "3 000"],
  ["Fatima", "El Amrani", "3 000"],
  ["Damien", "Colin", "3 000"],
  ["Aurélie", "Vidal", "3 000"],
  ["Jérôme", "Masson", "3 000"],
  ["Pauline", "Guérin", "3 000"],
  ["Sébastien", "Noël", "3 000"],
  ["Mélanie", "Brunet", "3 000"],
  ["Franck", "Paris", "3 000"],
  ["Laetitia", "Barbier", "3 000"],
];

const menuisiers: DemoDossier = {
  scheme: SchemeCode.CAP_SCOP_SCIC,
  organisation: "menuisiersVendomois",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-10-20T08:30"),
  answers: {
    title: "Reprise des Menuiseries du Vendômois en SCOP par quatorze salariés",
    operationType: "TAKEOVER",
    cooperativeName: "Menuiseries du Vendômois SCOP",
    cooperativeForm: "SCOP",
    cooperativeStatus: "IN_CREATION",
    registrationDate: "2027-01-11",
    activity:
      "Fabrication et pose de menuiseries en bois et en aluminium pour les particuliers, les artisans et les collectivités du Vendômois. Les quatorze salariés de l’entreprise reprennent l’activité et deviennent tous associés.",
    employeeAssociates: associates.map(([firstName, lastName, contribution]) => ({
      firstName,
      lastName,
      contribution,
    })),
    urscopSupport: "oui",
    urscopAdvisor: "Mathilde Fabre, chargée de mission transmission-reprise",
    support:
      "Le cédant part à la retraite. L’URSCOP accompagne la reprise depuis juin 2026, la SCOP sera immatriculée en janvier 2027.",
    expenses: [
      {
        category: "INVESTMENT",
        label: "Rachat du fonds de commerce et du parc de machines",
        amount: "180 000",
      },
      { category: "OPERATING", label: "Besoin en fonds de roulement au démarrage", amount: "40 000" },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP SCOP-SCIC (demandé)", amount: "46 000" },
      {
        category: "OWN_FUNDS",
        label: "Apports en capital des quatorze salariés associés",
        amount: "52 000",
      },
      { category: "PRIVATE", label: "Prêt bancaire des repreneurs (Crédit Coopératif)", amount: "100 000" },
      { category: "PUBLIC_BANK", label: "Bpifrance — prêt de développement", amount: "22 000" },
    ],
  },
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
  answers: {
    title: "Préfinancer l’accompagnement renforcé vers l’emploi cofinancé par le FSE+",
    projectSummary:
      "Accompagnement renforcé de 120 demandeurs d’emploi de longue durée par an à Joué-lès-Tours et dans le sud de la métropole.",
    euProgramme: "FSE_PLUS",
    euGrantReference: "FSE+ CVL 202604217",
    euGrantStatus: "REQUESTED",
    euGrantAmount: "180 000",
    expectedEuPayments: [
      { date: "2027-06-30", amount: "72 000" },
      { date: "2028-06-30", amount: "108 000" },
    ],
    advanceAmount: "80 000",
    durationMonths: "36",
    neededBy: "2027-01-04",
    // The advance brings forward part of the EU grant: counting both in full would count it twice.
    expenses: [
      {
        category: "PERSONNEL",
        label: "Quatre conseillères et conseillers en insertion sur trois ans",
        amount: "300 000",
      },
      { category: "OPERATING", label: "Locaux, déplacements et ateliers collectifs", amount: "60 000" },
    ],
    resources: [
      {
        category: "REGION",
        label: "Région Centre-Val de Loire — avance remboursable sur les fonds européens (demandée)",
        amount: "80 000",
      },
      {
        category: "EU",
        label: "FSE+ — solde de la subvention demandée (180 000 €, dont 80 000 € préfinancés par l’avance)",
        amount: "100 000",
      },
      {
        category: "EPCI",
        label: "Tours Métropole Val de Loire — plan local pour l’insertion et l’emploi",
        amount: "90 000",
      },
      {
        category: "STATE",
        label: "État — DREETS, accompagnement des demandeurs d’emploi de longue durée",
        amount: "60 000",
      },
      { category: "OWN_FUNDS", label: "Fonds propres de l’association", amount: "30 000" },
    ],
  },
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
  answers: {
    title: "Préfinancer la restauration participative du moulin de Mézières (LEADER)",
    projectSummary:
      "Chantiers participatifs de restauration du moulin, ouverts aux habitants et aux jeunes en service civique, pour en faire un lieu de découverte du patrimoine de la Brenne.",
    euProgramme: "LEADER",
    euGrantReference: "LEADER GAL Brenne 2025-0417",
    euGrantStatus: "AGREED",
    euGrantAmount: "64 000",
    expectedEuPayments: [
      { date: "2026-10-15", amount: "32 000" },
      { date: "2027-09-30", amount: "32 000" },
    ],
    advanceAmount: "30 000",
    durationMonths: String(advance.maxDurationMonths),
    neededBy: "2026-04-01",
    expenses: [
      {
        category: "INVESTMENT",
        label: "Restauration du moulin : matériaux et encadrement technique des chantiers",
        amount: "98 000",
      },
      {
        category: "OPERATING",
        label: "Animation des chantiers, accueil des volontaires en service civique, médiation",
        amount: "30 000",
      },
    ],
    resources: [
      {
        category: "REGION",
        label: "Région Centre-Val de Loire — avance remboursable sur les fonds européens (demandée)",
        amount: "30 000",
      },
      {
        category: "EU",
        label:
          "LEADER — solde de la subvention du GAL Brenne (64 000 €, dont 30 000 € préfinancés par l’avance)",
        amount: "34 000",
      },
      { category: "EPCI", label: "Communauté de communes Cœur de Brenne", amount: "20 000" },
      { category: "PRIVATE", label: "Fondation du patrimoine — souscription publique", amount: "24 000" },
      { category: "OWN_FUNDS", label: "Bénévolat valorisé des chantiers participatifs", amount: "20 000" },
    ],
  },
  proposedAmountCents: brenneAmountCents,
  grantedAmountCents: brenneAmountCents,
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
    ...advanceRepayments(brenneAmountCents, brennePaidAt, advance),
  ],
};

export const COOPERATIVE_AND_ADVANCE_DOSSIERS: readonly DemoDossier[] = [menuisiers, tremplin, brenne];
