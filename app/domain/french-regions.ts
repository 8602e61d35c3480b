// The region of every French department, to tell an organisation outside Centre-Val de Loire whose
// services to turn to. `institution` is the authority that runs the region's economic development and
// social and solidarity economy schemes (a territorial collectivity in Corsica, French Guiana, Martinique).

export interface FrenchRegion {
  name: string;
  institution: string;
}

const REGIONS: Array<FrenchRegion & { departments: string[] }> = [
  {
    name: "Auvergne-Rhône-Alpes",
    institution: "la Région Auvergne-Rhône-Alpes",
    departments: ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
  },
  {
    name: "Bourgogne-Franche-Comté",
    institution: "la Région Bourgogne-Franche-Comté",
    departments: ["21", "25", "39", "58", "70", "71", "89", "90"],
  },
  { name: "Bretagne", institution: "la Région Bretagne", departments: ["22", "29", "35", "56"] },
  {
    name: "Centre-Val de Loire",
    institution: "la Région Centre-Val de Loire",
    departments: ["18", "28", "36", "37", "41", "45"],
  },
  { name: "Corse", institution: "la Collectivité de Corse", departments: ["2A", "2B"] },
  {
    name: "Grand Est",
    institution: "la Région Grand Est",
    departments: ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
  },
  {
    name: "Hauts-de-France",
    institution: "la Région Hauts-de-France",
    departments: ["02", "59", "60", "62", "80"],
  },
  {
    name: "Île-de-France",
    institution: "la Région Île-de-France",
    departments: ["75", "77", "78", "91", "92", "93", "94", "95"],
  },
  { name: "Normandie", institution: "la Région Normandie", departments: ["14", "27", "50", "61", "76"] },
  {
    name: "Nouvelle-Aquitaine",
    institution: "la Région Nouvelle-Aquitaine",
    departments: ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
  },
  {
    name: "Occitanie",
    institution: "la Région Occitanie",
    departments: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
  },
  {
    name: "Pays de la Loire",
    institution: "la Région Pays de la Loire",
    departments: ["44", "49", "53", "72", "85"],
  },
  {
    name: "Provence-Alpes-Côte d’Azur",
    institution: "la Région Provence-Alpes-Côte d’Azur",
    departments: ["04", "05", "06", "13", "83", "84"],
  },
  { name: "Guadeloupe", institution: "la Région Guadeloupe", departments: ["971"] },
  { name: "Martinique", institution: "la Collectivité territoriale de Martinique", departments: ["972"] },
  { name: "Guyane", institution: "la Collectivité territoriale de Guyane", departments: ["973"] },
  { name: "La Réunion", institution: "la Région Réunion", departments: ["974"] },
  {
    name: "Saint-Pierre-et-Miquelon",
    institution: "la Collectivité territoriale de Saint-Pierre-et-Miquelon",
    departments: ["975"],
  },
  { name: "Mayotte", institution: "le Département de Mayotte", departments: ["976"] },
];

const BY_DEPARTMENT = new Map(
  REGIONS.flatMap(({ departments, ...region }) => departments.map((code) => [code, region] as const)),
);

/** The region of a department code (`"45"`, `"2A"`, `"974"`), or null for a code that is no department. */
export function regionOfDepartment(code: string): FrenchRegion | null {
  return BY_DEPARTMENT.get(code.trim().toUpperCase()) ?? null;
}
