// The subsidies the Region awarded, as open data in the national format: SCDL « subventions » 2.1.1
// (schema.data.gouv.fr/scdl/subventions), which décret 2017-779 and the arrêté of 17 November 2017 ask for.
// One row per granted dossier whose agreement is accepted (the « date de la convention »). Equity advances are
// repayable advances, not subsidies: they are not published here.
import { stringify } from "csv-stringify/sync";

import { parisDay } from "~/domain/paris-time";
import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, InstalmentKind, SchemeCode } from "~/generated/prisma/enums";

/** The 16 fields of SCDL subventions 2.1.1, in the schema's order. */
export const SCDL_FIELDS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide",
] as const;

export type ScdlRow = Record<(typeof SCDL_FIELDS)[number], string>;

/** The threshold of décret 2017-779 (with loi 2000-321 art. 10): conventions above 23 000 €. */
export const PUBLICATION_THRESHOLD_CENTS = 2_300_000;

/** `objet` is « limitée à 256 caractères » and the schema checks « moins de 256 ». */
const OBJECT_MAX = 255;

const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * The rows, oldest agreement first. Grants of 23 000 € or less are left out unless OPEN_DATA_ALL_GRANTS says
 * the Region publishes everything. A beneficiary with neither SIRET nor RNA number cannot be identified as the
 * schema requires: its row is left out too (a cooperative still in creation), and counted in `unidentified`.
 */
export async function scdlSubsidies(db: PrismaClient): Promise<{ rows: ScdlRow[]; unidentified: number }> {
  const { regionSiret, openDataAllGrants } = env();
  const dossiers = await db.dossier.findMany({
    where: {
      status: { in: [DossierStatus.GRANTED, DossierStatus.SETTLED] },
      agreementAcceptedAt: { not: null },
      grantedAmountCents: openDataAllGrants ? { gt: 0 } : { gt: PUBLICATION_THRESHOLD_CENTS },
      schemeCode: { not: SchemeCode.EQUITY_ADVANCE },
    },
    orderBy: [{ agreementAcceptedAt: "asc" }, { number: "asc" }],
    select: {
      number: true,
      title: true,
      grantedAmountCents: true,
      agreementAcceptedAt: true,
      commissionSession: { select: { date: true } },
      schemeCode: true,
      organisation: { select: { name: true, siret: true, rnaNumber: true } },
      instalments: {
        where: { kind: InstalmentKind.PAYMENT },
        orderBy: { position: "asc" },
        select: { dueDate: true, paidAt: true },
      },
    },
  });
  const rows: ScdlRow[] = [];
  let unidentified = 0;
  for (const dossier of dossiers) {
    const siret = /^\d{14}$/.test(dossier.organisation.siret ?? "") ? dossier.organisation.siret! : "";
    const rna = /^W\d{9}$/.test(dossier.organisation.rnaNumber ?? "") ? dossier.organisation.rnaNumber! : "";
    if (!siret && !rna) {
      unidentified += 1;
      continue;
    }
    const convention = parisDay(dossier.agreementAcceptedAt!);
    // Paid instalments at their payment date, the others at their planned date.
    const dates = dossier.instalments.map((instalment) => parisDay(instalment.paidAt ?? instalment.dueDate));
    const sorted = [...dates].sort();
    const single = dates.length <= 1;
    rows.push({
      nomAttribuant: "Région Centre-Val de Loire",
      idAttribuant: regionSiret,
      dateConvention: convention,
      referenceDecision: dossier.commissionSession
        ? `Délibération de la Commission permanente du ${parisDay(dossier.commissionSession.date)}, dossier ${dossier.number ?? ""}`.trim()
        : `Dossier ${dossier.number ?? ""}`.trim(),
      nomBeneficiaire: dossier.organisation.name,
      idBeneficiaire: siret,
      rnaBeneficiaire: rna,
      objet:
        [...dossier.title].length > OBJECT_MAX
          ? `${[...dossier.title].slice(0, OBJECT_MAX - 1).join("")}…`
          : dossier.title,
      montant: euros(dossier.grantedAmountCents!),
      nature: "aide en numéraire",
      conditionsVersement: single ? "unique" : "échelonné",
      datesPeriodeVersement: single ? (sorted[0] ?? convention) : `${sorted[0]}/${sorted.at(-1)}`,
      idRAE: "",
      notificationUE: "non",
      pourcentageSubvention: "1.00",
      dispositifAide: dossier.schemeCode,
    });
  }
  return { rows, unidentified };
}

/** RFC 4180 CSV as the SCDL examples are written: comma-separated, UTF-8 without BOM, CRLF, header first. */
export function scdlCsv(rows: readonly ScdlRow[]): string {
  return stringify(
    rows.map((row) => SCDL_FIELDS.map((field) => row[field])),
    { header: true, columns: [...SCDL_FIELDS], record_delimiter: "windows" },
  );
}

/** The same rows as JSON: amounts and percentages as numbers, every other field as the CSV writes it. */
export function scdlJson(rows: readonly ScdlRow[]) {
  return rows.map((row) => ({
    ...row,
    montant: Number(row.montant),
    pourcentageSubvention: Number(row.pourcentageSubvention),
  }));
}
