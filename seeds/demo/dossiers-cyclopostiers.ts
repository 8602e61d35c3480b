// The path of a bike-delivery cooperative, like the Cycloposteurs of the regional ESS strategy: an
// association seeded by A VOS ID in 2024, then CAP ASSO to consolidate its jobs, then CAP SCOP-SCIC when it
// becomes a SCOP.
import { CapAssoSector, DossierStatus, InstalmentKind, SchemeCode } from "../../app/generated/prisma/enums";
import { paris } from "../paris-time";

import { euros, type DemoDossier } from "./dossier-writer";
import { DEMO_ORGANISATIONS } from "./organisations";

const { FILED, UNDER_INSTRUCTION, PROPOSED, GRANTED } = DossierStatus;

export const DEMO_SESSION_2024 = paris("2024-07-12T09:30");

const aVosId2024: DemoDossier = {
  scheme: SchemeCode.A_VOS_ID,
  organisation: "cyclopostiersAssociation",
  createdBy: "applicant",
  createdAt: paris("2024-01-22T10:12"),
  answers: {
    title: "Livraison à vélo et collecte des biodéchets dans la métropole orléanaise — amorçage",
    summary:
      "Un service de livraison écologique à vélo-cargo pour les commerces du centre d’Orléans, couplé à la collecte des biodéchets des restaurants pour les composter localement.",
    innovation:
      "Aucun service de collecte des biodéchets à vélo n’existe sur la métropole. Le projet associe commerçants, restaurateurs, habitants et jardins partagés autour d’une logistique sans émission.",
    phase: "EMERGENCE",
    priority: "ECOLOGICAL_TRANSITION",
    territoryCode: "45-orleans-metropole",
    expectedImpact:
      "Trois emplois à deux ans, 100 tonnes de biodéchets collectées par an, 20\u202f000 kilomètres parcourus sans émission de CO2.",
    partners: [
      {
        name: "Orléans Métropole",
        role: "Marché expérimental de collecte des biodéchets des restaurants du centre-ville",
      },
      {
        name: "Alter’Incub Centre-Val de Loire",
        role: "Incubation du projet et accompagnement de son modèle économique",
      },
      {
        name: "Réseau Compost Citoyen Centre-Val de Loire",
        role: "Formation des cyclistes au compostage, lien avec les jardins partagés qui reçoivent le compost",
      },
    ],
    expense_OPERATING: "42 000",
    expense_INVESTMENT: "20 000",
    requestedAmount: "30 000",
    leaderCofinancing: "non",
    expenses: [
      { category: "OPERATING", label: "Coordination et animation du réseau de collecte", amount: "32 000" },
      {
        category: "OPERATING",
        label: "Formation des cyclistes, communication, assurances",
        amount: "10 000",
      },
      {
        category: "INVESTMENT",
        label: "Trois vélos-cargos à assistance électrique et remorques",
        amount: "20 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — A VOS ID (demandé)", amount: "30 000" },
      {
        category: "EPCI",
        label: "Orléans Métropole — expérimentation de la collecte",
        amount: "12 000",
      },
      {
        category: "STATE",
        label: "État — Fonds pour le développement de la vie associative",
        amount: "8 000",
      },
      { category: "PRIVATE", label: "Fondation Crédit Coopératif", amount: "7 000" },
      { category: "OWN_FUNDS", label: "Fonds propres et bénévolat valorisé", amount: "5 000" },
    ],
  },
  proposedAmountCents: 2_500_000,
  grantedAmountCents: 2_500_000,
  history: [
    { at: paris("2024-02-12T16:40"), to: FILED, by: "applicant", reason: "Dépôt du dossier par le porteur" },
    {
      at: paris("2024-02-26T09:05"),
      to: UNDER_INSTRUCTION,
      by: "instructor",
      reason: "Dossier complet, instruction engagée avec l’agent de développement d’Orléans Métropole",
    },
    {
      at: paris("2024-05-30T14:00"),
      to: PROPOSED,
      by: "instructor",
      reason: `Avis favorable, proposition de ${euros(2_500_000)} à la Commission permanente`,
    },
    {
      at: paris("2024-07-12T12:00"),
      to: GRANTED,
      by: "instructor",
      reason: `Subvention de ${euros(2_500_000)} accordée par la Commission permanente du 12 juillet 2024`,
    },
  ],
  assignment: { at: paris("2024-02-26T09:00"), by: "admin", to: "instructor" },
  commissionSessionDate: DEMO_SESSION_2024,
  opinion: {
    at: paris("2024-05-30T14:00"),
    favourable: true,
    motivation:
      "Initiative nouvelle sur le territoire, portée par une alliance d’acteurs publics et privés, avec un modèle économique crédible grâce au marché de collecte de la métropole. " +
      `Montant ramené à ${euros(2_500_000)} faute de devis pour la troisième remorque.`,
    proposedAmountCents: 2_500_000,
  },
  instalments: [
    {
      kind: InstalmentKind.PAYMENT,
      dueDate: paris("2024-09-15"),
      amountCents: 1_500_000,
      paidAt: paris("2024-09-18"),
    },
    {
      kind: InstalmentKind.PAYMENT,
      dueDate: paris("2025-06-30"),
      amountCents: 1_000_000,
      paidAt: paris("2025-07-04"),
    },
  ],
};

const capAsso2026: DemoDossier = {
  scheme: SchemeCode.CAP_ASSO,
  organisation: "cyclopostiersAssociation",
  createdBy: "applicant",
  createdAt: paris("2026-09-14T18:20"),
  answers: {
    title: "Consolider deux emplois de livraison et de collecte à vélo",
    requestKind: "FIRST",
    activityProject:
      "Après deux ans d’expérimentation, l’association pérennise la collecte des biodéchets de 60 restaurants et la livraison du dernier kilomètre pour les commerces du centre-ville. Le projet crée un poste de livreur-collecteur et consolide le poste de coordination logistique.",
    needs:
      "Les restaurants doivent trier leurs biodéchets depuis 2024 et n’ont pas de collecte adaptée en centre-ville ; les commerçants cherchent à livrer sans camionnette dans les rues piétonnes.",
    publics:
      "Les restaurateurs et les commerçants du centre d’Orléans, et les habitants des quartiers dont les jardins partagés reçoivent le compost.",
    territory:
      "Orléans et les communes voisines de la métropole (Saint-Jean-de-Braye, Fleury-les-Aubrais, Saint-Jean-de-la-Ruelle).",
    partners:
      "Orléans Métropole (marché de collecte des biodéchets), Réseau Compost Citoyen Centre-Val de Loire (formation au compostage), les commerçants du centre-ville (prestations de livraison).",
    generalInterest:
      "Réduction des déchets et des émissions du transport de marchandises en ville, emplois non délocalisables, sensibilisation des habitants au compostage.",
    sector: CapAssoSector.ENVIRONMENT_TOURISM,
    jobs: [
      {
        title: "Livreur-collecteur à vélo",
        kind: "CREATED",
        contract: "CDI",
        fte: "1",
        startDate: "2027-01-04",
      },
      {
        title: "Coordinatrice logistique",
        kind: "CONSOLIDATED",
        contract: "CDI",
        fte: "1",
        startDate: "2024-03-01",
      },
    ],
    amountYear1: "18 000",
    amountYear2: "18 000",
    amountYear3: "18 000",
    expenses: [
      {
        category: "PERSONNEL",
        label: "Salaires et charges des deux postes sur trois ans",
        amount: "156 000",
      },
      {
        category: "OPERATING",
        label: "Entretien des vélos, local, assurances sur trois ans",
        amount: "36 000",
      },
    ],
    resources: [
      { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO (demandé)", amount: "54 000" },
      {
        category: "EPCI",
        label: "Orléans Métropole — marché de collecte des biodéchets",
        amount: "72 000",
      },
      { category: "SALES", label: "Prestations de livraison aux commerces", amount: "44 000" },
      { category: "STATE", label: "État — poste FONJEP", amount: "22 000" },
    ],
  },
  history: [
    { at: paris("2026-10-05T11:02"), to: FILED, by: "applicant", reason: "Dépôt du dossier par le porteur" },
  ],
  sharedAt: paris("2026-10-05T11:05"),
  funderComments: [
    {
      at: paris("2026-10-12T15:30"),
      by: "funder",
      body: "La Banque des Territoires suit ce projet dans le cadre du plan vélo de la métropole. La transformation en SCOP annoncée pourrait ouvrir un prêt d’amorçage.",
    },
  ],
};

const cooperative = DEMO_ORGANISATIONS.cyclopostiersScop;
// Each contribution is matched up to 5 000 € per person: the last one is capped.
const associates = [
  { firstName: "Léa", lastName: "Dubois", contribution: "2 500" },
  { firstName: "Camille", lastName: "Martin", contribution: "2 500" },
  { firstName: "Mehdi", lastName: "Saïdi", contribution: "2 500" },
  { firstName: "Jeanne", lastName: "Robin", contribution: "1 500" },
  { firstName: "Tom", lastName: "Lemaire", contribution: "1 000" },
  { firstName: "Lucie", lastName: "Caron", contribution: "6 000" },
];

// A draft in progress: the cooperative and its associates are typed, the activity, the URSCOP adviser and
// the budget are still to come.
const capScopDraft: DemoDossier = {
  scheme: SchemeCode.CAP_SCOP_SCIC,
  organisation: "cyclopostiersScop",
  createdBy: "applicant",
  createdAt: paris("2026-11-12T09:40"),
  answers: {
    title: "Entrée au capital de six salariés associés de la SCOP Les Cyclopostiers",
    operationType: "CONVERSION",
    cooperativeName: cooperative.name,
    cooperativeForm: "SCOP",
    cooperativeStatus: "REGISTERED",
    cooperativeSiret: cooperative.siret ?? undefined,
    employeeAssociates: associates,
    urscopSupport: "oui",
    support: "Accompagnement par l’URSCOP depuis mars 2026 pour la transformation de l’association en SCOP.",
  },
  history: [],
};

export const CYCLOPOSTIERS_DOSSIERS: readonly DemoDossier[] = [aVosId2024, capAsso2026, capScopDraft];
