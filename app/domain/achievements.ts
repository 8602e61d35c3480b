// What the grants actually achieved, beside what was planned: the amounts the Region paid beside those it
// granted, and the jobs the approved financial reports declare beside those the dossiers planned. Each is a
// series by scheme with its data table and CSV; the figures are summed by the database (see
// app/services/funders/achievements.server.ts), this module only names and lays them out.
import { SCHEMES } from "~/domain/schemes";
import type { SchemeCode } from "~/generated/prisma/enums";

import { formatEuros } from "./format";
import { csvAmount } from "./instruction-queue";
import { formatCount, formatFte } from "./indicators";

export const ACHIEVEMENT_IDS = ["versements", "emplois"] as const;
export type AchievementId = (typeof ACHIEVEMENT_IDS)[number];

export function isAchievementId(value: string | undefined): value is AchievementId {
  return (ACHIEVEMENT_IDS as readonly string[]).includes(value ?? "");
}

export const ACHIEVEMENT_TITLES: Record<AchievementId, string> = {
  versements: "Montants versés et montants accordés, par dispositif",
  emplois: "Emplois réalisés selon les comptes rendus approuvés et emplois prévus, par dispositif",
};

/** Granted (or settled) dossiers of a scheme: what was granted, and what was paid so far. */
export interface PaymentsRow {
  schemeCode: SchemeCode;
  dossiers: number;
  grantedCents: number;
  paidCents: number;
}

/** Dossiers of a scheme with at least one approved report: the jobs they planned and those reported. */
export interface JobsRow {
  schemeCode: SchemeCode;
  dossiers: number;
  plannedCreatedFte: number;
  achievedCreatedFte: number;
  plannedConsolidatedFte: number;
  achievedConsolidatedFte: number;
}

export interface Achievements {
  versements: PaymentsRow[];
  emplois: JobsRow[];
}

export const ACHIEVEMENT_NOTES = {
  versements:
    "Montants versés : paiements de la Région enregistrés par l’instructeur (avances et soldes), à côté des montants accordés par la Commission permanente, pour les dossiers accordés ou soldés.",
  emplois:
    "Emplois réalisés : pour les dossiers dont au moins un compte rendu financier est approuvé, la somme des emplois créés déclarés dans ces comptes rendus, et les emplois consolidés du dernier d’entre eux ; à côté, les emplois prévus dans les mêmes dossiers, en équivalent temps plein.",
};

const schemeName = (code: SchemeCode) => SCHEMES[code]?.name ?? code;

/** Every scheme gets a row, in the order of the other series, even with nothing to show yet. */
function bySchemes<T extends { schemeCode: SchemeCode }>(rows: T[], empty: (code: SchemeCode) => T): T[] {
  return (Object.keys(SCHEMES) as SchemeCode[]).map(
    (code) => rows.find((row) => row.schemeCode === code) ?? empty(code),
  );
}

export function completePaymentsRows(rows: PaymentsRow[]): PaymentsRow[] {
  return bySchemes(rows, (schemeCode) => ({ schemeCode, dossiers: 0, grantedCents: 0, paidCents: 0 }));
}

export function completeJobsRows(rows: JobsRow[]): JobsRow[] {
  return bySchemes(rows, (schemeCode) => ({
    schemeCode,
    dossiers: 0,
    plannedCreatedFte: 0,
    achievedCreatedFte: 0,
    plannedConsolidatedFte: 0,
    achievedConsolidatedFte: 0,
  }));
}

export interface AchievementTable {
  columns: [string, ...string[]];
  rows: { header: string; cells: string[] }[];
  /** The same figures for the spreadsheet: French decimal comma, no thousands separator, no unit. */
  csvRows: string[][];
}

const csvFte = (value: number) => String(Math.round(value * 100) / 100).replace(".", ",");

export function paymentsTable(rows: PaymentsRow[]): AchievementTable {
  return {
    columns: ["Dispositif", "Dossiers accordés", "Montants accordés (€)", "Montants versés (€)"],
    rows: rows.map((row) => ({
      header: schemeName(row.schemeCode),
      cells: [formatCount(row.dossiers), formatEuros(row.grantedCents), formatEuros(row.paidCents)],
    })),
    csvRows: rows.map((row) => [
      schemeName(row.schemeCode),
      String(row.dossiers),
      csvAmount(row.grantedCents),
      csvAmount(row.paidCents),
    ]),
  };
}

export function jobsTable(rows: JobsRow[]): AchievementTable {
  return {
    columns: [
      "Dispositif",
      "Dossiers avec un compte rendu approuvé",
      "Emplois créés prévus (ETP)",
      "Emplois créés réalisés (ETP)",
      "Emplois consolidés prévus (ETP)",
      "Emplois consolidés réalisés (ETP)",
    ],
    rows: rows.map((row) => ({
      header: schemeName(row.schemeCode),
      cells: [
        formatCount(row.dossiers),
        formatFte(row.plannedCreatedFte),
        formatFte(row.achievedCreatedFte),
        formatFte(row.plannedConsolidatedFte),
        formatFte(row.achievedConsolidatedFte),
      ],
    })),
    csvRows: rows.map((row) => [
      schemeName(row.schemeCode),
      String(row.dossiers),
      csvFte(row.plannedCreatedFte),
      csvFte(row.achievedCreatedFte),
      csvFte(row.plannedConsolidatedFte),
      csvFte(row.achievedConsolidatedFte),
    ]),
  };
}

export function achievementTable(achievements: Achievements, id: AchievementId): AchievementTable {
  return id === "versements" ? paymentsTable(achievements.versements) : jobsTable(achievements.emplois);
}
