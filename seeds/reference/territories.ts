import type { PrismaClient } from "../../app/generated/prisma/client";
import { TerritoryKind } from "../../app/generated/prisma/enums";

interface TerritorySeed {
  code: string;
  name: string;
  kind: TerritoryKind;
  departmentCode: string;
  leaderGroup: string | null;
}

const { PAYS, PETR, AGGLOMERATION, METROPOLE } = TerritoryKind;

// The territories of the regional territorial contracts (CRST) that route A VOS ID dossiers, with the
// LEADER local action group (GAL) covering each rural territory.
// TO CHECK against the Region’s current CRST list and the 2023-2027 LEADER groups before going live:
// boundaries, names and kinds (pays, PETR, agglomération) change when territories merge or re-contract.
// Codes are stable identifiers (used by instructors' scopes): never rename one, add a new code instead.
export const TERRITORIES: readonly TerritorySeed[] = [
  // Cher
  t("18-berry-saint-amandois", "Pays Berry Saint-Amandois", PAYS, "18", "GAL Berry Saint-Amandois"),
  t("18-vierzon-sologne", "Pays de Vierzon-Sologne", PAYS, "18", "GAL Sologne"),
  t("18-bourges-plus", "Bourges Plus", AGGLOMERATION, "18", null),
  t("18-sancerre-sologne", "Pays de Sancerre-Sologne", PAYS, "18", "GAL Sancerre-Sologne"),
  t("18-loire-val-aubois", "Pays Loire Val d’Aubois", PAYS, "18", "GAL Loire Val d’Aubois"),
  // Eure-et-Loir
  t("28-drouais", "Pays Drouais", PAYS, "28", "GAL Drouais"),
  t("28-chartres-metropole", "Pays Chartrain – Chartres Métropole", AGGLOMERATION, "28", null),
  t("28-dunois", "Pays Dunois", PAYS, "28", "GAL Beauce Dunois"),
  t("28-perche", "Pays du Perche d’Eure-et-Loir", PAYS, "28", "GAL Perche d’Eure-et-Loir"),
  // Indre
  t("36-chateauroux-metropole", "Pays Castelroussin – Châteauroux Métropole", AGGLOMERATION, "36", null),
  t("36-valencay-en-berry", "Pays de Valençay en Berry", PAYS, "36", "GAL Valençay en Berry"),
  t(
    "36-issoudun-champagne-berrichonne",
    "Pays d’Issoudun et de Champagne berrichonne",
    PAYS,
    "36",
    "GAL Champagne berrichonne",
  ),
  t("36-la-chatre-en-berry", "Pays de La Châtre en Berry", PAYS, "36", "GAL La Châtre en Berry"),
  t("36-boischaut-nord", "Pays du Boischaut Nord", PAYS, "36", "GAL Boischaut Nord"),
  t("36-brenne", "Parc naturel régional de la Brenne", PAYS, "36", "GAL Brenne"),
  // Indre-et-Loire
  t("37-tours-metropole", "Tours Métropole Val de Loire", METROPOLE, "37", null),
  t("37-loire-nature-touraine", "Pays Loire Nature Touraine", PAYS, "37", "GAL Loire Nature Touraine"),
  t("37-chinonais", "Pays du Chinonais", PAYS, "37", "GAL Chinonais"),
  t("37-touraine-cote-sud", "Pays de la Touraine Côté Sud", PAYS, "37", "GAL Touraine Côté Sud"),
  t("37-loire-touraine", "Pays Loire Touraine", PAYS, "37", "GAL Loire Touraine"),
  // Loir-et-Cher
  t("41-vendomois", "Pays Vendômois", PAYS, "41", "GAL Vendômois"),
  t("41-agglopolys", "Agglopolys – Communauté d’agglomération de Blois", AGGLOMERATION, "41", null),
  t(
    "41-vallee-cher-romorantinais",
    "Pays de la Vallée du Cher et du Romorantinais",
    PAYS,
    "41",
    "GAL Vallée du Cher et Romorantinais",
  ),
  t("41-chateaux", "Pays des Châteaux", PAYS, "41", "GAL Pays des Châteaux"),
  t("41-grande-sologne", "Pays de Grande Sologne", PAYS, "41", "GAL Sologne"),
  // Loiret
  t("45-orleans-metropole", "Orléans Métropole", METROPOLE, "45", null),
  t(
    "45-foret-orleans-val-de-loire",
    "Pays Forêt d’Orléans-Val de Loire",
    PAYS,
    "45",
    "GAL Forêt d’Orléans-Loire-Sologne",
  ),
  t("45-gatinais", "Pays Gâtinais", PAYS, "45", "GAL Gâtinais"),
  t("45-montargois-en-gatinais", "Pays Montargois en Gâtinais", PETR, "45", "GAL Montargois en Gâtinais"),
  t("45-sologne-val-sud", "Pays Sologne Val Sud", PAYS, "45", "GAL Sologne Val Sud"),
  t("45-loire-beauce", "Pays Loire Beauce", PAYS, "45", "GAL Loire Beauce"),
  t("45-giennois", "Pays du Giennois", PAYS, "45", "GAL Giennois"),
];

function t(
  code: string,
  name: string,
  kind: TerritoryKind,
  departmentCode: string,
  leaderGroup: string | null,
): TerritorySeed {
  return { code, name, kind, departmentCode, leaderGroup };
}

export async function seedTerritories(db: PrismaClient): Promise<void> {
  for (const territory of TERRITORIES) {
    await db.territory.upsert({ where: { code: territory.code }, create: territory, update: {} });
  }
}
