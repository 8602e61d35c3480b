// The export for the Region's finance service: the payments approved over a period (and those already paid),
// one line each with what a payment order needs (organisation, SIRET, IBAN/BIC, amount, mandate). The same
// French CSV as the instruction queue's export (semicolons, comma decimals, UTF-8 BOM), the staff's scope
// applied, and who took the file is kept in the audit log.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDate, formatEuros } from "~/domain/format";
import { csvAmount } from "~/domain/instruction-queue";
import { addParisDays, paris, parisDay, parisParts } from "~/domain/paris-time";
import { PAYMENT_STATUS_LABELS } from "~/domain/post-grant/payment-workflow";
import { paymentName } from "~/domain/post-grant/plan";
import type { PrismaClient } from "~/generated/prisma/client";
import { PaymentStatus } from "~/generated/prisma/enums";

import { staffScope } from "~/services/instruction/scope.server";
import { frenchCsv } from "~/services/platform/csv.server";
import type { StaffActor } from "~/services/instruction/access.server";

export interface ExportPeriod {
  /** AAAA-MM-JJ, both days included (Paris). */
  from: string;
  to: string;
}

export type PeriodReading =
  { ok: true; period: ExportPeriod } | { ok: false; period: ExportPeriod; errors: Record<string, string> };

/** The current month in Paris: the period the page opens on. */
export function currentMonth(now: Date): ExportPeriod {
  const { year, month } = parisParts(now);
  const pad = (value: number) => String(value).padStart(2, "0");
  // The day before the first of next month.
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { from: `${year}-${pad(month)}-01`, to: parisDay(addParisDays(paris(`${next}T12:00`), -1)) };
}

function validDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The period of the query string (`du`, `au`), the current month for what is missing or wrong. */
export function readPeriod(params: URLSearchParams, now: Date): PeriodReading {
  const fallback = currentMonth(now);
  const from = (params.get("du") ?? "").trim();
  const to = (params.get("au") ?? "").trim();
  const errors: Record<string, string> = {};
  if (from && !validDay(from)) errors.du = "Indiquez une date de début valide (JJ/MM/AAAA).";
  if (to && !validDay(to)) errors.au = "Indiquez une date de fin valide (JJ/MM/AAAA).";
  const period = {
    from: from && !errors.du ? from : fallback.from,
    to: to && !errors.au ? to : fallback.to,
  };
  if (Object.keys(errors).length === 0 && period.from > period.to) {
    errors.au = "La date de fin doit suivre la date de début.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, period: fallback, errors };
  return { ok: true, period };
}

export const FINANCE_CSV_HEADER = [
  "Numéro de dossier",
  "Organisation",
  "SIRET",
  "IBAN",
  "BIC",
  "Dispositif",
  "Versement",
  "Montant approuvé (€)",
  "Approuvé le",
  "Statut",
  "Payé le",
  "Montant payé (€)",
  "Référence du mandat",
] as const;

/** The payments approved during the period (whatever became of them since), oldest approval first. */
export async function approvedPayments(db: PrismaClient, actor: StaffActor, period: ExportPeriod) {
  const scope = await staffScope(db, actor);
  const rows = await db.payment.findMany({
    where: {
      status: { in: [PaymentStatus.APPROVED, PaymentStatus.PAID] },
      approvedAt: {
        gte: paris(period.from),
        lt: paris(parisDay(addParisDays(paris(`${period.to}T12:00`), 1))),
      },
      dossier: scope,
    },
    orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      position: true,
      period: true,
      kind: true,
      status: true,
      approvedAmountCents: true,
      approvedAt: true,
      paidOn: true,
      paidAmountCents: true,
      mandateReference: true,
      dossier: {
        select: {
          id: true,
          number: true,
          schemeCode: true,
          scheme: { select: { name: true } },
          organisation: { select: { name: true, siret: true, iban: true, bic: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    dossierId: row.dossier.id,
    position: row.position,
    number: row.dossier.number ?? "",
    organisation: row.dossier.organisation.name,
    siret: row.dossier.organisation.siret ?? "",
    iban: row.dossier.organisation.iban ?? "",
    bic: row.dossier.organisation.bic ?? "",
    scheme: row.dossier.scheme.name,
    name: paymentName(row.dossier.schemeCode, row),
    approvedCents: row.approvedAmountCents ?? 0,
    approvedAt: row.approvedAt,
    status: row.status,
    statusLabel: PAYMENT_STATUS_LABELS[row.status],
    paidOn: row.paidOn,
    paidCents: row.paidAmountCents,
    mandateReference: row.mandateReference ?? "",
  }));
}

/** The page: the lines and their total. */
export async function financeExportPage(db: PrismaClient, actor: StaffActor, period: ExportPeriod) {
  const rows = await approvedPayments(db, actor, period);
  const total = rows.reduce((sum, row) => sum + row.approvedCents, 0);
  return {
    rows: rows.map((row) => ({
      ...row,
      approved: formatEuros(row.approvedCents),
      approvedAt: row.approvedAt ? formatDate(row.approvedAt) : "",
      paidOn: row.paidOn ? formatDate(row.paidOn) : "",
      paid: row.paidCents === null ? "" : formatEuros(row.paidCents),
    })),
    total: formatEuros(total),
  };
}

/** The CSV file, and the audit line saying who took it and for which period. */
export async function financeCsvExport(
  db: PrismaClient,
  actor: StaffActor,
  period: ExportPeriod,
  now: Date,
): Promise<{ csv: string; count: number }> {
  const rows = await approvedPayments(db, actor, period);
  const records = rows.map((row) => [
    row.number,
    row.organisation,
    row.siret,
    row.iban,
    row.bic,
    row.scheme,
    row.name,
    csvAmount(row.approvedCents),
    row.approvedAt ? formatDate(row.approvedAt) : "",
    row.statusLabel,
    row.paidOn ? formatDate(row.paidOn) : "",
    csvAmount(row.paidCents),
    row.mandateReference,
  ]);
  const csv = frenchCsv(FINANCE_CSV_HEADER, records);
  // Bank details leave the portal: who took what is kept.
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      action: AUDIT_ACTIONS.paymentsExported,
      targetType: "Payment",
      details: { from: period.from, to: period.to, count: rows.length },
      createdAt: now,
    },
  });
  return { csv, count: rows.length };
}
