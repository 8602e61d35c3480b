// A VOS ID dossiers of a commune, a SCIC, a CAE and a public establishment, routed by CRST territory.
import {
  CorrectionStatus,
  DossierStatus,
  InstalmentKind,
  PledgeInstrument,
  PledgeStatus,
  SchemeCode,
} from "../../app/generated/prisma/enums";
import { COMMISSION_SESSION_DATES_2026 } from "../reference/commission-sessions";
import { paris } from "../paris-time";

import { euros, type DemoDossier } from "./dossier-writer";

const { FILED, UNDER_INSTRUCTION, CORRECTION_REQUESTED, PROPOSED, GRANTED, CLOSED } = DossierStatus;
const [, JULY_2026] = COMMISSION_SESSION_DATES_2026;

const filedBy = (at: Date) =>
  ({ at, to: FILED, by: "applicantCooperative", reason: "Dépôt du dossier par le porteur" }) as const;
const takenUp = (at: Date, reason = "Dossier complet, instruction engagée avec l’agent du territoire") =>
  ({ at, to: UNDER_INSTRUCTION, by: "instructor", reason }) as const;

const valencay: DemoDossier = {
  scheme: SchemeCode.A_VOS_ID,
  organisation: "communeValencay",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-08-20T10:30"),
  title: "Tiers-lieu nourricier et épicerie solidaire dans l’ancienne halle de Valençay",
  answers: {
    summary:
      "La commune transforme l’ancienne halle en tiers-lieu nourricier avec une épicerie solidaire, une cuisine partagée et un point de vente des producteurs du Pays de Valençay.",
    innovation:
      "Premier lieu du territoire qui réunit aide alimentaire digne, circuits courts et formation à la cuisine, géré avec l’épicerie associative et trois exploitations locales.",
    priority: "LOCAL_SERVICES_SOLIDARITY",
    phase: "EXPERIMENTATION",
    partners: [
      "Épicerie solidaire du Valençay",
      "Centre communal d’action sociale",
      "Producteurs du Pays de Valençay",
    ],
    expensesCents: { OPERATING: 5_000_000, INVESTMENT: 10_000_000 },
    expectedImpact:
      "Deux emplois, 300 foyers bénéficiaires par an, un débouché local pour douze producteurs.",
    leaderCofinancing: true,
  },
  requestedAmountCents: 6_000_000,
  totalBudgetCents: 15_000_000,
  departmentCode: "36",
  territoryCode: "36-valencay-en-berry",
  history: [filedBy(paris("2026-09-07T16:00")), takenUp(paris("2026-09-15T10:20"))],
  assignment: { at: paris("2026-09-15T10:00"), by: "admin", to: "instructor" },
  sharedAt: paris("2026-09-07T16:02"),
  budgetLines: [
    {
      side: "EXPENSE",
      category: "INVESTMENT",
      label: "Aménagement de la halle en tiers-lieu",
      amountCents: 10_000_000,
    },
    {
      side: "EXPENSE",
      category: "OPERATING",
      label: "Animation et coordination sur deux ans",
      amountCents: 5_000_000,
    },
    {
      side: "RESOURCE",
      category: "REGION",
      label: "Région Centre-Val de Loire — A VOS ID (demandé)",
      amountCents: 6_000_000,
    },
    { side: "RESOURCE", category: "EU", label: "LEADER — GAL Valençay en Berry", amountCents: 3_000_000 },
    {
      side: "RESOURCE",
      category: "STATE",
      label: "État — dotation d’équipement des territoires ruraux",
      amountCents: 2_500_000,
    },
    {
      side: "RESOURCE",
      category: "PUBLIC_BANK",
      label: "Banque des Territoires — ingénierie",
      amountCents: 1_500_000,
    },
    {
      side: "RESOURCE",
      category: "OWN_FUNDS",
      label: "Autofinancement de la commune",
      amountCents: 2_000_000,
    },
  ],
  pledge: {
    funderSlug: "banque-des-territoires",
    status: PledgeStatus.CONSIDERED,
    instrument: PledgeInstrument.GRANT,
    amountCents: 1_500_000,
    note: "Crédits d’ingénierie des petites villes mobilisables, à confirmer au comité d’engagement de janvier.",
    by: "funder",
    at: paris("2026-10-02T11:40"),
  },
  funderComments: [
    {
      at: paris("2026-10-02T11:45"),
      by: "funder",
      body: "Projet présenté à notre comité régional. Le montage avec LEADER est solide, nous attendons l’avis de l’agent du Pays de Valençay.",
    },
  ],
};

const berryEnergies: DemoDossier = {
  scheme: SchemeCode.A_VOS_ID,
  organisation: "berryEnergies",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-01-26T15:00"),
  title: "Centrales solaires citoyennes sur les toits des écoles de Bourges Plus",
  answers: {
    summary:
      "La SCIC installe et exploite six centrales photovoltaïques sur des toitures d’écoles, financées par l’épargne de 400 habitants et des communes associées.",
    innovation:
      "Un modèle de gouvernance partagée entre habitants, communes et écoles, avec un programme pédagogique sur l’énergie dans chaque école équipée.",
    priority: "ECOLOGICAL_TRANSITION",
    phase: "DEPLOYMENT",
    partners: ["Bourges Plus", "Énergie Partagée", "Six communes de l’agglomération"],
    expensesCents: { OPERATING: 2_000_000, INVESTMENT: 10_000_000 },
    expectedImpact: "Un emploi de technicien, 540 MWh produits par an, 2\u202f000 élèves sensibilisés.",
    leaderCofinancing: false,
  },
  requestedAmountCents: 4_500_000,
  proposedAmountCents: 4_000_000,
  grantedAmountCents: 4_000_000,
  totalBudgetCents: 12_000_000,
  departmentCode: "18",
  territoryCode: "18-bourges-plus",
  history: [
    filedBy(paris("2026-02-16T12:10")),
    takenUp(paris("2026-02-23T09:40")),
    {
      at: paris("2026-05-28T16:00"),
      to: PROPOSED,
      by: "instructor",
      reason: `Avis favorable, proposition de ${euros(4_000_000)} à la Commission permanente`,
    },
    {
      at: paris("2026-07-10T12:00"),
      to: GRANTED,
      by: "instructor",
      reason: `Subvention de ${euros(4_000_000)} accordée par la Commission permanente du 10 juillet 2026`,
    },
  ],
  assignment: { at: paris("2026-02-23T09:30"), by: "admin", to: "instructor" },
  commissionSessionDate: JULY_2026,
  opinion: {
    at: paris("2026-05-28T16:00"),
    favourable: true,
    motivation:
      "Projet coopératif exemplaire, fort ancrage local et effet de levier sur l’épargne citoyenne. Subvention plafonnée à un tiers des dépenses éligibles.",
    proposedAmountCents: 4_000_000,
  },
  instalments: [
    {
      kind: InstalmentKind.PAYMENT,
      dueDate: paris("2026-09-01"),
      amountCents: 2_000_000,
      paidAt: paris("2026-09-03"),
    },
    { kind: InstalmentKind.PAYMENT, dueDate: paris("2027-06-30"), amountCents: 2_000_000 },
  ],
};

const coopaction: DemoDossier = {
  scheme: SchemeCode.A_VOS_ID,
  organisation: "coopactionTouraine",
  createdBy: "applicantCooperative",
  createdAt: paris("2025-12-15T10:00"),
  title: "Couveuse d’activités maraîchères dans la ceinture verte de Tours",
  answers: {
    summary:
      "Tester en conditions réelles des activités de maraîchage biologique sur des terres mises à disposition par la métropole, avant une installation durable.",
    innovation: "Une couveuse agricole portée par une CAE, qui salarie les maraîchers à l’essai.",
    priority: "ECOLOGICAL_TRANSITION",
    phase: "EMERGENCE",
    partners: ["Tours Métropole Val de Loire", "Chambre d’agriculture d’Indre-et-Loire"],
    expensesCents: { OPERATING: 4_000_000, INVESTMENT: 3_000_000 },
    expectedImpact: "Quatre maraîchers à l’essai par an.",
    leaderCofinancing: false,
  },
  requestedAmountCents: 3_500_000,
  totalBudgetCents: 7_000_000,
  departmentCode: "37",
  territoryCode: "37-tours-metropole",
  history: [
    filedBy(paris("2026-01-20T11:00")),
    takenUp(paris("2026-02-03T14:00")),
    {
      at: paris("2026-03-02T10:00"),
      to: CORRECTION_REQUESTED,
      by: "instructor",
      reason: "Convention de mise à disposition des terres et devis manquants",
    },
    {
      at: paris("2026-06-15T09:00"),
      to: CLOSED,
      by: "instructor",
      reason:
        "Dossier clôturé sans suite, sans réponse du porteur après relance. Le porteur peut déposer une nouvelle demande quand les terres seront disponibles.",
    },
  ],
  assignment: { at: paris("2026-02-03T13:50"), by: "admin", to: "instructor" },
  correction: {
    at: paris("2026-03-02T10:00"),
    reason:
      "Merci de joindre la convention de mise à disposition des terres par la métropole et les devis de l’irrigation.",
    fields: [],
    attachmentKinds: ["PARTNER_LETTERS", "QUOTES"],
    replyBy: paris("2026-04-02T23:59"),
    status: CorrectionStatus.CANCELLED,
  },
};

const laChatre: DemoDossier = {
  scheme: SchemeCode.A_VOS_ID,
  organisation: "syndicatLaChatre",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-10-28T09:00"),
  title: "Garage solidaire et location de véhicules pour l’accès à l’emploi",
  answers: {
    summary:
      "Un garage solidaire et une flotte de voitures et de scooters loués à petit prix aux personnes qui reprennent un emploi ou une formation sans moyen de transport.",
    innovation:
      "Un service mobilité partagé entre le Pays, France Travail, les employeurs et une association d’insertion.",
    priority: "LOCAL_SERVICES_SOLIDARITY",
    phase: "EXPERIMENTATION",
    partners: ["France Travail", "Mission locale du Boischaut Sud", "Association d’insertion La Roue Libre"],
    expensesCents: { OPERATING: 5_000_000, INVESTMENT: 4_000_000 },
    expectedImpact: "Trois emplois dont deux en insertion, 150 personnes accompagnées par an.",
    leaderCofinancing: true,
  },
  requestedAmountCents: 3_800_000,
  totalBudgetCents: 9_000_000,
  departmentCode: "36",
  territoryCode: "36-la-chatre-en-berry",
  history: [filedBy(paris("2026-11-18T17:30"))],
  sharedAt: paris("2026-11-18T17:31"),
};

export const A_VOS_ID_DOSSIERS: readonly DemoDossier[] = [valencay, berryEnergies, coopaction, laChatre];
