// CAP ASSO dossiers of other associations, one per stage of instruction.
import { CapAssoSector, CorrectionStatus, DossierStatus, SchemeCode } from "../../app/generated/prisma/enums";
import { COMMISSION_SESSION_DATES_2026 } from "../reference/commission-sessions";
import { paris } from "../paris-time";

import { euros, type DemoDossier } from "./dossier-writer";

const { FILED, UNDER_INSTRUCTION, CORRECTION_REQUESTED, PROPOSED, REFUSED } = DossierStatus;
const [, JULY_2026, DECEMBER_2026] = COMMISSION_SESSION_DATES_2026;

const filedBy = (at: Date) =>
  ({ at, to: FILED, by: "applicantCooperative", reason: "Dépôt du dossier par le porteur" }) as const;
const takenUp = (at: Date) =>
  ({ at, to: UNDER_INSTRUCTION, by: "instructor", reason: "Dossier complet, instruction engagée" }) as const;

const sportSante: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "sportSanteBerry",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-08-30T20:15"),
  title: "Créer un poste d’éducateur sportif en sport-santé dans le Saint-Amandois",
  answers: {
    activityProject:
      "Des séances d’activité physique adaptée prescrites par les médecins de la maison de santé de Saint-Amand-Montrond, pour des patients atteints de maladies chroniques, dans six communes rurales.",
    generalInterest: "Prévention santé et lutte contre l’isolement des personnes âgées en milieu rural.",
    sector: CapAssoSector.SPORT,
    jobs: [
      {
        title: "Éducateur sportif sport-santé",
        contract: "CDI",
        fte: 1,
        kind: "CREATED",
        startDate: "2027-02-01",
      },
    ],
    annualAmountsCents: [1_200_000, 1_200_000, 1_200_000],
    renewal: false,
  },
  requestedAmountCents: 3_600_000,
  totalBudgetCents: 12_600_000,
  departmentCode: "18",
  jobsCreatedFte: 1,
  capAssoSector: CapAssoSector.SPORT,
  history: [filedBy(paris("2026-09-14T10:00")), takenUp(paris("2026-09-21T09:00"))],
  assignment: { at: paris("2026-09-21T08:45"), by: "admin", to: "instructor" },
  instructorNotes: [
    {
      at: paris("2026-09-28T16:10"),
      by: "instructor",
      body: "Vérifier la qualification de l’éducateur (BPJEPS activités physiques pour tous) et la convention signée avec la maison de santé.",
    },
  ],
};

const treteauxAnswers = {
  activityProject:
    "La compagnie pérennise son poste d’administratrice de production et passe à temps plein son chargé des actions culturelles dans les écoles du Chinonais.",
  generalInterest:
    "Accès à la création théâtrale pour les publics scolaires et les communes rurales sans salle de spectacle.",
  sector: CapAssoSector.CULTURE,
  jobs: [
    {
      title: "Administratrice de production",
      contract: "CDI",
      fte: 1,
      kind: "CONSOLIDATED",
      hiredOn: "2022-09-01",
    },
    {
      title: "Chargé d’actions culturelles",
      contract: "CDI",
      fte: 0.5,
      kind: "CONSOLIDATED",
      hiredOn: "2024-01-08",
    },
  ],
  annualAmountsCents: [1_500_000, 1_500_000, 1_500_000],
  renewal: false,
};

const treteaux: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "treteauxDeLoire",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-08-10T14:00"),
  title: "Consolider l’équipe permanente de la compagnie pour ses tournées en milieu rural",
  answers: treteauxAnswers,
  requestedAmountCents: 4_500_000,
  totalBudgetCents: 21_000_000,
  departmentCode: "37",
  jobsConsolidatedFte: 1.5,
  capAssoSector: CapAssoSector.CULTURE,
  history: [
    filedBy(paris("2026-08-28T15:30")),
    takenUp(paris("2026-09-08T09:30")),
    {
      at: paris("2026-11-11T10:15"),
      to: CORRECTION_REQUESTED,
      by: "instructor",
      reason: "Budget prévisionnel incomplet et comptes 2025 manquants",
    },
  ],
  assignment: { at: paris("2026-09-08T09:20"), by: "admin", to: "instructor" },
  correction: {
    at: paris("2026-11-11T10:15"),
    reason:
      "Le budget prévisionnel ne couvre que les deux premières années de la convention. Merci de le compléter pour la troisième année et de joindre les comptes 2025 approuvés par l’assemblée générale.",
    fields: ["annualAmountsCents"],
    attachmentKinds: ["PROJECT_BUDGET", "FINANCIAL_STATEMENTS"],
    replyBy: paris("2026-12-11T23:59"),
    status: CorrectionStatus.OPEN,
    answersBefore: treteauxAnswers,
  },
  messages: [
    {
      at: paris("2026-11-13T09:12"),
      by: "applicantCooperative",
      body: "Bonjour, l’assemblée générale approuve les comptes 2025 le 28 novembre. Nous vous transmettrons le budget complété et les comptes dans la foulée.",
    },
  ],
};

const mjc: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "mjcNogent",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-05-12T11:00"),
  title: "Un animateur jeunesse itinérant pour les communes du Perche",
  answers: {
    activityProject:
      "Un animateur itinérant anime un accueil de jeunes dans cinq communes du Perche sans structure jeunesse, avec un minibus et en lien avec les collèges.",
    generalInterest:
      "Éducation populaire et accès des jeunes ruraux aux loisirs éducatifs et à l’engagement.",
    sector: CapAssoSector.YOUTH_POPULAR_EDUCATION,
    jobs: [
      {
        title: "Animateur jeunesse itinérant",
        contract: "CDI",
        fte: 1,
        kind: "CREATED",
        startDate: "2027-01-15",
      },
    ],
    annualAmountsCents: [1_800_000, 1_800_000, 1_800_000],
    renewal: false,
  },
  requestedAmountCents: 5_400_000,
  proposedAmountCents: 4_500_000,
  totalBudgetCents: 14_400_000,
  departmentCode: "28",
  jobsCreatedFte: 1,
  capAssoSector: CapAssoSector.YOUTH_POPULAR_EDUCATION,
  history: [
    filedBy(paris("2026-06-03T17:45")),
    takenUp(paris("2026-06-15T10:00")),
    {
      at: paris("2026-07-01T11:30"),
      to: CORRECTION_REQUESTED,
      by: "instructor",
      reason: "Fiche de poste manquante",
    },
    {
      at: paris("2026-07-09T18:05"),
      to: UNDER_INSTRUCTION,
      by: "applicantCooperative",
      reason: "Réponse du porteur à la demande de compléments",
    },
    {
      at: paris("2026-10-20T15:00"),
      to: PROPOSED,
      by: "instructor",
      reason: `Avis favorable, proposition de ${euros(4_500_000)} sur trois ans à la Commission permanente du 11 décembre 2026`,
    },
  ],
  assignment: { at: paris("2026-06-15T09:50"), by: "admin", to: "instructor" },
  commissionSessionDate: DECEMBER_2026,
  correction: {
    at: paris("2026-07-01T11:30"),
    reason: "Merci de joindre la fiche de poste de l’animateur itinérant.",
    fields: [],
    attachmentKinds: ["JOB_DESCRIPTION"],
    replyBy: paris("2026-07-31T23:59"),
    status: CorrectionStatus.ANSWERED,
    answeredAt: paris("2026-07-09T18:05"),
  },
  opinion: {
    at: paris("2026-10-20T15:00"),
    favourable: true,
    motivation:
      "Projet répondant à un besoin avéré (aucun accueil de jeunes sur cinq communes), emploi en CDI, cofinancements de la CAF et de la communauté de communes acquis. Montant ajusté au plan de financement.",
    proposedAmountCents: 4_500_000,
    yearlyAmountsCents: [1_500_000, 1_500_000, 1_500_000],
  },
};

const ateliers: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "ateliersRomorantinais",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-01-15T09:30"),
  title: "Deux encadrants techniques pour l’atelier de réemploi du Romorantinais",
  answers: {
    activityProject:
      "L’atelier de réemploi de meubles et d’électroménager recrute deux encadrants techniques pour accueillir douze salariés en parcours d’insertion.",
    generalInterest: "Insertion par l’activité économique et réduction des déchets.",
    sector: CapAssoSector.INSERTION,
    jobs: [
      {
        title: "Encadrant technique menuiserie",
        contract: "CDD",
        fte: 1,
        kind: "CREATED",
        startDate: "2026-09-01",
      },
      {
        title: "Encadrant technique électroménager",
        contract: "CDD",
        fte: 1,
        kind: "CREATED",
        startDate: "2026-09-01",
      },
    ],
    annualAmountsCents: [2_000_000, 2_000_000, 2_000_000],
    renewal: false,
  },
  requestedAmountCents: 6_000_000,
  proposedAmountCents: 0,
  totalBudgetCents: 27_000_000,
  departmentCode: "41",
  jobsCreatedFte: 2,
  capAssoSector: CapAssoSector.INSERTION,
  history: [
    filedBy(paris("2026-02-02T16:20")),
    takenUp(paris("2026-02-10T09:15")),
    {
      at: paris("2026-05-12T14:30"),
      to: PROPOSED,
      by: "instructor",
      reason: "Avis défavorable, les emplois proposés ne sont pas des CDI",
    },
    {
      at: paris("2026-07-10T12:00"),
      to: REFUSED,
      by: "instructor",
      reason:
        "Refus de la Commission permanente du 10 juillet 2026. CAP ASSO n’aide que des emplois en CDI. Orientation vers l’aide aux postes d’insertion de l’État (DREETS) et vers France Active Centre-Val de Loire pour consolider les fonds propres de l’atelier.",
    },
  ],
  assignment: { at: paris("2026-02-10T09:00"), by: "admin", to: "instructor" },
  commissionSessionDate: JULY_2026,
  opinion: {
    at: paris("2026-05-12T14:30"),
    favourable: false,
    motivation:
      "Les deux postes sont prévus en CDD de douze mois renouvelables, alors que le dispositif exige des emplois en CDI. Le projet relève des aides de l’État aux ateliers et chantiers d’insertion.",
    proposedAmountCents: 0,
  },
};

export const CAP_ASSO_DOSSIERS: readonly DemoDossier[] = [sportSante, treteaux, mjc, ateliers];
