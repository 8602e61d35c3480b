// CAP ASSO dossiers of other associations, one per stage of instruction.
import type { RawAnswers } from "../../app/domain/dossier-forms";
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
  answers: {
    title: "Créer un poste d’éducateur sportif en sport-santé dans le Saint-Amandois",
    requestKind: "FIRST",
    activityProject:
      "Des séances d’activité physique adaptée prescrites par les médecins de la maison de santé de Saint-Amand-Montrond, pour des patients atteints de maladies chroniques, dans six communes rurales.",
    needs:
      "Les médecins peuvent prescrire une activité physique adaptée à leurs patients atteints de maladies chroniques, mais aucune séance n’est proposée à moins de quarante kilomètres.",
    publics:
      "Des patients en affection de longue durée orientés par la maison de santé, et des personnes âgées isolées des communes rurales.",
    territory:
      "Saint-Amand-Montrond et cinq communes rurales du Pays Berry Saint-Amandois (Orval, Drevant, Bouzais, Colombiers, La Groutte).",
    partners:
      "La maison de santé pluriprofessionnelle de Saint-Amand-Montrond (prescription et suivi des patients), la communauté de communes Cœur de France (prêt des salles), le comité départemental olympique et sportif du Cher (réseau sport-santé).",
    generalInterest: "Prévention santé et lutte contre l’isolement des personnes âgées en milieu rural.",
    sector: CapAssoSector.SPORT,
    jobs: [
      {
        title: "Éducateur sportif sport-santé",
        kind: "CREATED",
        contract: "CDI",
        fte: "1",
        startDate: "2027-02-01",
      },
    ],
    amountYear1: "12 000",
    amountYear2: "12 000",
    amountYear3: "12 000",
    expenses: [
      { category: "PERSONNEL", label: "Salaire et charges de l’éducateur sur trois ans", amount: "105 000" },
      {
        category: "OPERATING",
        label: "Matériel d’activité physique adaptée, déplacements, formation",
        amount: "21 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "36 000" },
      { category: "STATE", label: "Agence régionale de santé — prévention et sport-santé", amount: "30 000" },
      { category: "EPCI", label: "Communauté de communes Cœur de France", amount: "15 000" },
      {
        category: "SALES",
        label: "Participation des patients et conventions avec les mutuelles",
        amount: "27 000",
      },
      { category: "OWN_FUNDS", label: "Fonds propres de l’association", amount: "18 000" },
    ],
  },
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

const treteauxAnswers: RawAnswers = {
  title: "Consolider l’équipe permanente de la compagnie pour ses tournées en milieu rural",
  requestKind: "FIRST",
  activityProject:
    "La compagnie pérennise son poste d’administratrice de production et passe à temps plein son chargé des actions culturelles dans les écoles du Chinonais.",
  needs:
    "Les écoles et les communes rurales du Chinonais n’ont ni salle de spectacle ni médiation culturelle régulière, et la compagnie ne peut plus assurer ses tournées avec des postes précaires.",
  publics:
    "Les élèves des écoles primaires du Chinonais et les habitants des communes rurales sans salle de spectacle.",
  territory: "Chinon et les communes du Pays du Chinonais.",
  partners:
    "La direction des services départementaux de l’Éducation nationale (actions dans les écoles), la communauté de communes Chinon Vienne et Loire (tournées), la Drac Centre-Val de Loire (aide à la compagnie).",
  generalInterest:
    "Accès à la création théâtrale pour les publics scolaires et les communes rurales sans salle de spectacle.",
  sector: CapAssoSector.CULTURE,
  jobs: [
    {
      title: "Administratrice de production",
      kind: "CONSOLIDATED",
      contract: "CDI",
      fte: "1",
      startDate: "2022-09-01",
    },
    {
      title: "Chargé d’actions culturelles",
      kind: "CONSOLIDATED",
      contract: "CDI",
      fte: "0,5",
      startDate: "2024-01-08",
    },
  ],
  amountYear1: "15 000",
  amountYear2: "15 000",
  amountYear3: "15 000",
  expenses: [
    { category: "PERSONNEL", label: "Salaires et charges des deux postes sur trois ans", amount: "168 000" },
    {
      category: "OPERATING",
      label: "Tournées en milieu rural : transport, décors, communication",
      amount: "42 000",
    },
  ],
  resources: [
    { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "45 000" },
    { category: "STATE", label: "Drac Centre-Val de Loire — aide à la structuration", amount: "45 000" },
    { category: "EPCI", label: "Communauté de communes Chinon Vienne et Loire", amount: "30 000" },
    { category: "SALES", label: "Cessions de spectacles et ateliers scolaires", amount: "75 000" },
    { category: "OWN_FUNDS", label: "Fonds propres de la compagnie", amount: "15 000" },
  ],
};

const treteaux: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "treteauxDeLoire",
  createdBy: "applicantCooperative",
  createdAt: paris("2026-08-10T14:00"),
  answers: treteauxAnswers,
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
    fields: ["amountYear3"],
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
  answers: {
    title: "Un animateur jeunesse itinérant pour les communes du Perche",
    requestKind: "FIRST",
    activityProject:
      "Un animateur itinérant anime un accueil de jeunes dans cinq communes du Perche sans structure jeunesse, avec un minibus et en lien avec les collèges.",
    needs:
      "Cinq communes du Perche n’ont aucun accueil de jeunes : hors du collège, les 11-17 ans n’y ont ni lieu ni activité encadrée.",
    publics: "Les jeunes de 11 à 17 ans des communes rurales du Perche, collégiens pour la plupart.",
    territory: "Cinq communes rurales autour de Nogent-le-Rotrou, dans le Perche d’Eure-et-Loir.",
    partners:
      "La CAF d’Eure-et-Loir (prestation de service jeunesse), la communauté de communes du Perche (minibus et locaux), les collèges du secteur (repérage des jeunes).",
    generalInterest:
      "Éducation populaire et accès des jeunes ruraux aux loisirs éducatifs et à l’engagement.",
    sector: CapAssoSector.YOUTH_POPULAR_EDUCATION,
    jobs: [
      {
        title: "Animateur jeunesse itinérant",
        kind: "CREATED",
        contract: "CDI",
        fte: "1",
        startDate: "2027-01-15",
      },
    ],
    amountYear1: "18 000",
    amountYear2: "18 000",
    amountYear3: "18 000",
    expenses: [
      { category: "PERSONNEL", label: "Salaire et charges de l’animateur sur trois ans", amount: "117 000" },
      {
        category: "OPERATING",
        label: "Minibus (carburant, entretien), activités et sorties",
        amount: "27 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "54 000" },
      { category: "STATE", label: "CAF d’Eure-et-Loir — prestation de service jeunesse", amount: "45 000" },
      { category: "EPCI", label: "Communauté de communes du Perche", amount: "30 000" },
      { category: "SALES", label: "Participation des familles", amount: "6 000" },
      { category: "OWN_FUNDS", label: "Fonds propres de la MJC", amount: "9 000" },
    ],
  },
  proposedAmountCents: 4_500_000,
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
  answers: {
    title: "Deux encadrants techniques pour l’atelier de réemploi du Romorantinais",
    requestKind: "FIRST",
    activityProject:
      "L’atelier de réemploi de meubles et d’électroménager recrute deux encadrants techniques pour accueillir douze salariés en parcours d’insertion.",
    needs:
      "Les personnes éloignées de l’emploi du Romorantinais n’ont pas de chantier d’insertion à moins de trente kilomètres, et les meubles et appareils réparables finissent en déchetterie.",
    publics:
      "Des demandeurs d’emploi de longue durée et des allocataires du RSA orientés par France Travail et le Département, et les habitants à petits revenus qui achètent à la boutique.",
    territory: "Romorantin-Lanthenay et la communauté de communes du Romorantinais et du Monestois.",
    partners:
      "Le syndicat de collecte des déchets (objets récupérés en déchetterie), France Travail et le Département de Loir-et-Cher (orientation des salariés en insertion), la DREETS (conventionnement de l’atelier).",
    generalInterest: "Insertion par l’activité économique et réduction des déchets.",
    sector: CapAssoSector.INSERTION,
    jobs: [
      {
        title: "Encadrant technique menuiserie",
        kind: "CREATED",
        contract: "CDI",
        fte: "1",
        startDate: "2026-09-01",
      },
      {
        title: "Encadrant technique électroménager",
        kind: "CREATED",
        contract: "CDI",
        fte: "1",
        startDate: "2026-09-01",
      },
    ],
    amountYear1: "20 000",
    amountYear2: "20 000",
    amountYear3: "20 000",
    expenses: [
      {
        category: "PERSONNEL",
        label: "Salaires et charges des deux encadrants sur trois ans",
        amount: "216 000",
      },
      { category: "INVESTMENT", label: "Outillage de l’atelier et camion de collecte", amount: "54 000" },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "60 000" },
      {
        category: "STATE",
        label: "DREETS — aide à l’accompagnement de l’atelier d’insertion",
        amount: "90 000",
      },
      {
        category: "EPCI",
        label: "Communauté de communes du Romorantinais et du Monestois",
        amount: "30 000",
      },
      { category: "SALES", label: "Ventes de la boutique de réemploi", amount: "75 000" },
      { category: "OWN_FUNDS", label: "Fonds propres de l’association", amount: "15 000" },
    ],
  },
  proposedAmountCents: 0,
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
      "Le dossier déclare deux CDI, mais les promesses d’embauche jointes prévoient des CDD de douze mois renouvelables, alors que le dispositif exige des emplois en CDI. Le projet relève des aides de l’État aux ateliers et chantiers d’insertion.",
    proposedAmountCents: 0,
  },
};

export const CAP_ASSO_DOSSIERS: readonly DemoDossier[] = [sportSante, treteaux, mjc, ateliers];
