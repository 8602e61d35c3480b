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
  title: "Livraison à vélo et collecte des biodéchets dans la métropole orléanaise — amorçage",
  answers: {
    summary:
      "Un service de livraison écologique à vélo-cargo pour les commerces du centre d’Orléans, couplé à la collecte des biodéchets des restaurants pour les composter localement.",
    innovation:
      "Aucun service de collecte des biodéchets à vélo n’existe sur la métropole. Le projet associe commerçants, restaurateurs, habitants et jardins partagés autour d’une logistique sans émission.",
    priority: "ECOLOGICAL_TRANSITION",
    phase: "EMERGENCE",
    partners: [
      "Orléans Métropole",
      "Alter’Incub Centre-Val de Loire",
      "Réseau Compost Citoyen Centre-Val de Loire",
    ],
    expensesCents: { OPERATING: 4_200_000, INVESTMENT: 2_000_000 },
    expectedImpact:
      "Trois emplois à deux ans, 100 tonnes de biodéchets collectées par an, 20\u202f000 kilomètres parcourus sans émission de CO2.",
    leaderCofinancing: false,
  },
  requestedAmountCents: 3_000_000,
  proposedAmountCents: 2_500_000,
  grantedAmountCents: 2_500_000,
  totalBudgetCents: 6_200_000,
  departmentCode: "45",
  territoryCode: "45-orleans-metropole",
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
  budgetLines: [
    {
      side: "EXPENSE",
      category: "OPERATING",
      label: "Coordination et animation du réseau de collecte",
      amountCents: 3_200_000,
    },
    {
      side: "EXPENSE",
      category: "OPERATING",
      label: "Formation des cyclistes, communication, assurances",
      amountCents: 1_000_000,
    },
    {
      side: "EXPENSE",
      category: "INVESTMENT",
      label: "Trois vélos-cargos à assistance électrique et remorques",
      amountCents: 2_000_000,
    },
    {
      side: "RESOURCE",
      category: "REGION",
      label: "Région Centre-Val de Loire — A VOS ID",
      amountCents: 2_500_000,
    },
    {
      side: "RESOURCE",
      category: "EPCI",
      label: "Orléans Métropole — expérimentation de la collecte",
      amountCents: 1_200_000,
    },
    {
      side: "RESOURCE",
      category: "STATE",
      label: "État — Fonds pour le développement de la vie associative",
      amountCents: 800_000,
    },
    { side: "RESOURCE", category: "PRIVATE", label: "Fondation Crédit Coopératif", amountCents: 700_000 },
    {
      side: "RESOURCE",
      category: "OWN_FUNDS",
      label: "Fonds propres et bénévolat valorisé",
      amountCents: 1_000_000,
    },
  ],
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
  title: "Consolider deux emplois de livraison et de collecte à vélo",
  answers: {
    activityProject:
      "Après deux ans d’expérimentation, l’association pérennise la collecte des biodéchets de 60 restaurants et la livraison du dernier kilomètre pour les commerces du centre-ville. Le projet crée un poste de livreur-collecteur et consolide le poste de coordination logistique.",
    generalInterest:
      "Réduction des déchets et des émissions du transport de marchandises en ville, emplois non délocalisables, sensibilisation des habitants au compostage.",
    sector: CapAssoSector.ENVIRONMENT_TOURISM,
    jobs: [
      {
        title: "Livreur-collecteur à vélo",
        contract: "CDI",
        fte: 1,
        kind: "CREATED",
        startDate: "2027-01-04",
      },
      {
        title: "Coordinatrice logistique",
        contract: "CDI",
        fte: 1,
        kind: "CONSOLIDATED",
        hiredOn: "2024-03-01",
      },
    ],
    annualAmountsCents: [1_800_000, 1_800_000, 1_800_000],
    renewal: false,
  },
  requestedAmountCents: 5_400_000,
  totalBudgetCents: 19_200_000,
  departmentCode: "45",
  jobsCreatedFte: 1,
  jobsConsolidatedFte: 1,
  capAssoSector: CapAssoSector.ENVIRONMENT_TOURISM,
  history: [
    { at: paris("2026-10-05T11:02"), to: FILED, by: "applicant", reason: "Dépôt du dossier par le porteur" },
  ],
  sharedAt: paris("2026-10-05T11:05"),
  budgetLines: [
    {
      side: "EXPENSE",
      category: "PERSONNEL",
      label: "Salaires et charges des deux postes sur trois ans",
      amountCents: 15_600_000,
    },
    {
      side: "EXPENSE",
      category: "OPERATING",
      label: "Entretien des vélos, local, assurances sur trois ans",
      amountCents: 3_600_000,
    },
    {
      side: "RESOURCE",
      category: "REGION",
      label: "Région Centre-Val de Loire — CAP ASSO (demandé)",
      amountCents: 5_400_000,
    },
    {
      side: "RESOURCE",
      category: "EPCI",
      label: "Orléans Métropole — marché de collecte des biodéchets",
      amountCents: 7_200_000,
    },
    {
      side: "RESOURCE",
      category: "SALES",
      label: "Prestations de livraison aux commerces",
      amountCents: 4_400_000,
    },
    { side: "RESOURCE", category: "STATE", label: "État — poste FONJEP", amountCents: 2_200_000 },
  ],
  funderComments: [
    {
      at: paris("2026-10-12T15:30"),
      by: "funder",
      body: "La Banque des Territoires suit ce projet dans le cadre du plan vélo de la métropole. La transformation en SCOP annoncée pourrait ouvrir un prêt d’amorçage.",
    },
  ],
};

const cooperative = DEMO_ORGANISATIONS.cyclopostiersScop;
const associates = [
  { firstName: "Léa", lastName: "Dubois", contributionCents: 250_000 },
  { firstName: "Camille", lastName: "Martin", contributionCents: 250_000 },
  { firstName: "Mehdi", lastName: "Saïdi", contributionCents: 250_000 },
  { firstName: "Jeanne", lastName: "Robin", contributionCents: 150_000 },
  { firstName: "Tom", lastName: "Lemaire", contributionCents: 100_000 },
  { firstName: "Lucie", lastName: "Caron", contributionCents: 600_000 },
];

const capScopDraft: DemoDossier = {
  scheme: SchemeCode.CAP_SCOP_SCIC,
  organisation: "cyclopostiersScop",
  createdBy: "applicant",
  createdAt: paris("2026-11-12T09:40"),
  title: "Entrée au capital de six salariés associés de la SCOP Les Cyclopostiers",
  answers: {
    operationType: "CONVERSION",
    cooperativeSiret: cooperative.siret,
    employeeAssociates: associates,
    support: "Accompagnement par l’URSCOP depuis mars 2026 pour la transformation de l’association en SCOP.",
  },
  // The Region matches each contribution up to 5 000 € per person (the last one is capped).
  requestedAmountCents: associates.reduce(
    (sum, person) => sum + Math.min(person.contributionCents, 500_000),
    0,
  ),
  departmentCode: "45",
  employeeAssociatesCount: associates.length,
  history: [],
};

export const CYCLOPOSTIERS_DOSSIERS: readonly DemoDossier[] = [aVosId2024, capAsso2026, capScopDraft];
