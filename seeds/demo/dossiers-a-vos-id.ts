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
  answers: {
    title: "Tiers-lieu nourricier et épicerie solidaire dans l’ancienne halle de Valençay",
    summary:
      "La commune transforme l’ancienne halle en tiers-lieu nourricier avec une épicerie solidaire, une cuisine partagée et un point de vente des producteurs du Pays de Valençay.",
    innovation:
      "Premier lieu du territoire qui réunit aide alimentaire digne, circuits courts et formation à la cuisine, géré avec l’épicerie associative et trois exploitations locales.",
    phase: "EXPERIMENTATION",
    priority: "LOCAL_SERVICES_SOLIDARITY",
    territoryCode: "36-valencay-en-berry",
    expectedImpact:
      "Deux emplois, 300 foyers bénéficiaires par an, un débouché local pour douze producteurs.",
    partners: [
      {
        name: "Épicerie solidaire du Valençay",
        role: "Gestion de l’épicerie solidaire et accueil des foyers bénéficiaires",
      },
      {
        name: "Centre communal d’action sociale",
        role: "Orientation des foyers vers l’épicerie et ateliers de cuisine",
      },
      {
        name: "Producteurs du Pays de Valençay",
        role: "Approvisionnement de l’épicerie et vente directe au point de vente collectif",
      },
    ],
    expense_OPERATING: "50 000",
    expense_INVESTMENT: "100 000",
    requestedAmount: "60 000",
    leaderCofinancing: "oui",
    leaderGroup: "GAL Valençay en Berry",
    leaderAmount: "30 000",
    expenses: [
      { category: "INVESTMENT", label: "Aménagement de la halle en tiers-lieu", amount: "100 000" },
      { category: "OPERATING", label: "Animation et coordination sur deux ans", amount: "50 000" },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — A VOS ID (demandé)", amount: "60 000" },
      { category: "EU", label: "LEADER — GAL Valençay en Berry", amount: "30 000" },
      {
        category: "STATE",
        label: "État — dotation d’équipement des territoires ruraux",
        amount: "25 000",
      },
      { category: "PUBLIC_BANK", label: "Banque des Territoires — ingénierie", amount: "15 000" },
      { category: "OWN_FUNDS", label: "Autofinancement de la commune", amount: "20 000" },
    ],
  },
  history: [filedBy(paris("2026-09-07T16:00")), takenUp(paris("2026-09-15T10:20"))],
  assignment: { at: paris("2026-09-15T10:00"), by: "admin", to: "instructor" },
  sharedAt: paris("2026-09-07T16:02"),
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
  answers: {
    title: "Centrales solaires citoyennes sur les toits des écoles de Bourges Plus",
    summary:
      "La SCIC installe et exploite six centrales photovoltaïques sur des toitures d’écoles, financées par l’épargne de 400 habitants et des communes associées.",
    innovation:
      "Un modèle de gouvernance partagée entre habitants, communes et écoles, avec un programme pédagogique sur l’énergie dans chaque école équipée.",
    phase: "DEPLOYMENT",
    priority: "ECOLOGICAL_TRANSITION",
    territoryCode: "18-bourges-plus",
    expectedImpact: "Un emploi de technicien, 540 MWh produits par an, 2\u202f000 élèves sensibilisés.",
    partners: [
      {
        name: "Bourges Plus",
        role: "Associée de la SCIC, projet inscrit au plan climat de l’agglomération",
      },
      {
        name: "Énergie Partagée",
        role: "Accompagnement technique et financier, collecte de l’épargne citoyenne",
      },
      {
        name: "Six communes de l’agglomération",
        role: "Associées de la SCIC, mise à disposition des toitures de leurs écoles",
      },
    ],
    expense_OPERATING: "20 000",
    expense_INVESTMENT: "100 000",
    requestedAmount: "45 000",
    leaderCofinancing: "non",
    expenses: [
      {
        category: "INVESTMENT",
        label: "Six centrales photovoltaïques en toiture, fourniture et pose",
        amount: "100 000",
      },
      {
        category: "OPERATING",
        label: "Études de structure, raccordement et programme pédagogique",
        amount: "20 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — A VOS ID (demandé)", amount: "45 000" },
      {
        category: "OWN_FUNDS",
        label: "Épargne citoyenne collectée par la SCIC auprès de 400 habitants",
        amount: "40 000",
      },
      { category: "EPCI", label: "Bourges Plus — fonds de concours du plan climat", amount: "15 000" },
      {
        category: "PRIVATE",
        label: "Énergie Partagée Investissement — prise de participation",
        amount: "20 000",
      },
    ],
  },
  proposedAmountCents: 4_000_000,
  grantedAmountCents: 4_000_000,
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
  answers: {
    title: "Couveuse d’activités maraîchères dans la ceinture verte de Tours",
    summary:
      "Tester en conditions réelles des activités de maraîchage biologique sur des terres mises à disposition par la métropole, avant une installation durable.",
    innovation: "Une couveuse agricole portée par une CAE, qui salarie les maraîchers à l’essai.",
    phase: "EMERGENCE",
    priority: "ECOLOGICAL_TRANSITION",
    territoryCode: "37-tours-metropole",
    expectedImpact: "Quatre maraîchers à l’essai par an.",
    partners: [
      {
        name: "Tours Métropole Val de Loire",
        role: "Mise à disposition des terres agricoles de la ceinture verte",
      },
      {
        name: "Chambre d’agriculture d’Indre-et-Loire",
        role: "Suivi technique des maraîchers à l’essai et préparation de leur installation",
      },
    ],
    expense_OPERATING: "40 000",
    expense_INVESTMENT: "30 000",
    requestedAmount: "35 000",
    leaderCofinancing: "non",
    expenses: [
      {
        category: "OPERATING",
        label: "Accompagnement et rémunération des maraîchers à l’essai la première année",
        amount: "40 000",
      },
      { category: "INVESTMENT", label: "Irrigation, serre-tunnel et petit matériel", amount: "30 000" },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — A VOS ID (demandé)", amount: "35 000" },
      {
        category: "EPCI",
        label: "Tours Métropole Val de Loire — aide à l’installation agricole",
        amount: "15 000",
      },
      { category: "SALES", label: "Ventes de légumes en circuits courts", amount: "12 000" },
      { category: "OWN_FUNDS", label: "Fonds propres de la coopérative", amount: "8 000" },
    ],
  },
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
  answers: {
    title: "Garage solidaire et location de véhicules pour l’accès à l’emploi",
    summary:
      "Un garage solidaire et une flotte de voitures et de scooters loués à petit prix aux personnes qui reprennent un emploi ou une formation sans moyen de transport.",
    innovation:
      "Un service mobilité partagé entre le Pays, France Travail, les employeurs et une association d’insertion.",
    phase: "EXPERIMENTATION",
    priority: "LOCAL_SERVICES_SOLIDARITY",
    territoryCode: "36-la-chatre-en-berry",
    expectedImpact: "Trois emplois dont deux en insertion, 150 personnes accompagnées par an.",
    partners: [
      { name: "France Travail", role: "Orientation des demandeurs d’emploi sans moyen de transport" },
      {
        name: "Mission locale du Boischaut Sud",
        role: "Orientation des jeunes qui entrent en emploi ou en formation",
      },
      {
        name: "Association d’insertion La Roue Libre",
        role: "Exploitation du garage solidaire avec des salariés en insertion",
      },
    ],
    expense_OPERATING: "50 000",
    expense_INVESTMENT: "40 000",
    requestedAmount: "38 000",
    leaderCofinancing: "oui",
    leaderGroup: "GAL La Châtre en Berry",
    leaderAmount: "20 000",
    expenses: [
      {
        category: "INVESTMENT",
        label: "Aménagement du garage, dix voitures et quinze scooters d’occasion",
        amount: "40 000",
      },
      {
        category: "OPERATING",
        label: "Coordination du service mobilité et entretien de la flotte sur deux ans",
        amount: "50 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — A VOS ID (demandé)", amount: "38 000" },
      { category: "EU", label: "LEADER — GAL La Châtre en Berry (demandé)", amount: "20 000" },
      { category: "STATE", label: "État — fonds de mobilité solidaire", amount: "12 000" },
      { category: "SALES", label: "Locations de véhicules et réparations", amount: "12 000" },
      { category: "OWN_FUNDS", label: "Autofinancement du syndicat mixte", amount: "8 000" },
    ],
  },
  history: [filedBy(paris("2026-11-18T17:30"))],
  sharedAt: paris("2026-11-18T17:31"),
};

export const A_VOS_ID_DOSSIERS: readonly DemoDossier[] = [valencay, berryEnergies, coopaction, laChatre];
