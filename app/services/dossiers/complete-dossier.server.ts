// The complete dossier as a PDF: the organisation's profile, every step's answers as a reader expects
// them (option labels, French amounts and dates, rows as tables), the budget and the attachments.
import { EXPENSE_CATEGORIES, RESOURCE_ORIGINS } from "~/domain/budget";
import {
  BUDGET_STEP,
  dossierSteps,
  isList,
  isShown,
  readDossierAnswers,
  readField,
  type FieldDef,
  type RawAnswers,
  type RawRow,
  type StepDef,
} from "~/domain/dossier-forms";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { formatDate, formatEuros } from "~/domain/format";
import { legalFormLabel } from "~/domain/legal-forms";
import type { PrismaClient } from "~/generated/prisma/client";
import type { CompleteDossierData } from "~/pdf/complete-dossier.server";

import { answersOf, formContext, type getDossierForMember } from "~/services/applicant/dossiers.server";

type Dossier = Awaited<ReturnType<typeof getDossierForMember>>;

const NOT_GIVEN = "Non renseigné";

/** Only the last four characters stay readable: the complete dossier is printed and passed around. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s/g, "");
  const masked = "•".repeat(Math.max(0, compact.length - 4)) + compact.slice(-4);
  // Grouped by four from the end, so the visible characters stand together.
  return masked.replace(/(?=(?:.{4})+$)/g, " ").trim();
}

const formatSiret = (siret: string) =>
  siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");

function organisationRows(organisation: Dossier["organisation"]) {
  const address = [
    organisation.addressLine,
    [organisation.postcode, organisation.city].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
  return [
    { label: "Nom", value: organisation.name },
    { label: "Forme juridique", value: legalFormLabel(organisation.legalForm) },
    { label: "Numéro SIRET", value: organisation.siret ? formatSiret(organisation.siret) : NOT_GIVEN },
    { label: "Numéro RNA", value: organisation.rnaNumber ?? NOT_GIVEN },
    {
      label: "Agrément ESUS",
      value: organisation.esusApproved
        ? `Oui${organisation.esusApprovalDate ? `, depuis le ${formatDate(organisation.esusApprovalDate)}` : ""}`
        : "Non",
    },
    { label: "Siège", value: address || NOT_GIVEN },
    {
      label: "Représentant·e légal·e",
      value:
        [organisation.legalRepresentativeName, organisation.legalRepresentativeRole]
          .filter(Boolean)
          .join(", ") || NOT_GIVEN,
    },
    { label: "Adresse électronique de contact", value: organisation.contactEmail ?? NOT_GIVEN },
    { label: "Téléphone", value: organisation.contactPhone ?? NOT_GIVEN },
    { label: "IBAN", value: organisation.iban ? maskIban(organisation.iban) : NOT_GIVEN },
    { label: "BIC", value: organisation.bic ?? NOT_GIVEN },
  ];
}

/** An answer as a reader expects it; what does not read yet (a draft) is shown as typed. */
export function displayAnswer(field: FieldDef, text: string | undefined): string | null {
  const typed = (text ?? "").trim();
  if (typed === "") return null;
  const reading = readField(field, typed);
  if (!reading.ok) return typed;
  const value = reading.value;
  switch (field.kind) {
    case "euros":
      return formatEuros(value as number);
    case "decimal":
    case "integer":
      return (value as number).toLocaleString("fr-FR");
    case "date":
      return (value as string).split("-").reverse().join("/");
    case "select":
    case "radio":
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case "yesNo":
      return value ? "Oui" : "Non";
    case "siret":
      return formatSiret(value as string);
    default:
      return String(value);
  }
}

const NUMERIC_KINDS = new Set(["euros", "decimal", "integer"]);

function stepSection(step: StepDef, raw: RawAnswers): CompleteDossierData["sections"][number] {
  const flat: Record<string, unknown> = {};
  for (const item of step.items) if (!isList(item)) flat[item.name] = raw[item.name];
  const section: CompleteDossierData["sections"][number] = { title: step.title, items: [], tables: [] };
  for (const item of step.items) {
    if (isList(item)) {
      const rows = (Array.isArray(raw[item.name]) ? (raw[item.name] as RawRow[]) : []).filter((row) =>
        Object.values(row).some((value) => typeof value === "string" && value.trim() !== ""),
      );
      section.tables!.push({
        caption: item.label,
        columns: item.fields.map((field) => field.label),
        rows:
          rows.length > 0
            ? rows.map((row) =>
                item.fields.map((field) =>
                  isShown(field, row) ? (displayAnswer(field, row[field.name]) ?? "—") : "—",
                ),
              )
            : [[NOT_GIVEN, ...item.fields.slice(1).map(() => "")]],
        numericColumns: item.fields.flatMap((field, index) => (NUMERIC_KINDS.has(field.kind) ? [index] : [])),
      });
    } else if (isShown(item, flat)) {
      const text = typeof raw[item.name] === "string" ? (raw[item.name] as string) : undefined;
      section.items.push({ label: item.label, value: displayAnswer(item, text) ?? NOT_GIVEN });
    }
  }
  return section;
}

/** Everything the complete dossier prints, from the dossier as it is now. */
export async function completeDossierData(
  db: PrismaClient,
  dossier: Dossier,
  now: Date,
): Promise<CompleteDossierData> {
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const raw = answersOf(dossier.answers);
  const reading = readDossierAnswers(dossier.schemeCode, context, raw);
  const attachments = await db.attachment.findMany({
    // The filing's pieces: files sent after the grant belong to a payment, a report or the agreement.
    where: {
      dossierId: dossier.id,
      deletedAt: null,
      messageId: null,
      paymentId: null,
      reportId: null,
      acceptanceId: null,
    },
    orderBy: { createdAt: "asc" },
    select: { kind: true, fileName: true, sizeBytes: true, sha256: true },
  });
  const labels = new Map(context.parameters.requiredAttachments.map((item) => [item.kind, item.label]));
  const nameOf = (names: Record<string, string>, code: string) => names[code] ?? code;
  return {
    dossierNumber: dossier.number,
    statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
    schemeName: dossier.scheme.name,
    ruleSetVersion: dossier.ruleSet.version,
    title: reading.title ?? dossier.title,
    generatedAt: now,
    filedAt: dossier.filedAt,
    organisation: organisationRows(dossier.organisation),
    sections: dossierSteps(dossier.schemeCode, context)
      .filter((step) => step.id !== BUDGET_STEP.id)
      .map((step) => stepSection(step, raw)),
    budget: {
      expenses: reading.budgetLines
        .filter((line) => line.side === "EXPENSE")
        .map((line) => ({
          category: nameOf(EXPENSE_CATEGORIES, line.category),
          label: line.label,
          cents: line.amountCents,
        })),
      resources: reading.budgetLines
        .filter((line) => line.side === "RESOURCE")
        .map((line) => ({
          category: nameOf(RESOURCE_ORIGINS, line.category),
          label: line.label,
          cents: line.amountCents,
        })),
    },
    attachments: attachments.map((row) => ({ ...row, label: labels.get(row.kind) ?? "Autre pièce" })),
  };
}
