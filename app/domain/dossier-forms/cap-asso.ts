// CAP ASSO: the activity project, each aided job, and the yearly amounts over the agreement.
import { formatWholeEuros } from "~/domain/format";
import { CAP_ASSO_SECTOR_LABELS, type CapAssoParameters } from "~/domain/schemes";
import type { CapAssoSector } from "~/generated/prisma/enums";

import { fieldDomId, type AnswerIssue, type RawAnswers, type StepDef } from "./fields";
import type { SchemeForm } from "./types";

export const JOB_KIND_OPTIONS = [
  { value: "CREATED", label: "Création d’emploi" },
  { value: "CONSOLIDATED", label: "Consolidation d’un emploi existant" },
] as const;

export const CONTRACT_OPTIONS = [
  { value: "CDI", label: "CDI" },
  { value: "CDD", label: "CDD" },
] as const;

export const REQUEST_KIND_OPTIONS = [
  { value: "FIRST", label: "Première demande" },
  { value: "RENEWAL", label: "Renouvellement d’une convention CAP ASSO qui s’achève" },
] as const;

const yearsOf = (p: CapAssoParameters) => Math.max(1, Math.round(p.agreementLengthMonths / 12));

function steps(p: CapAssoParameters): StepDef[] {
  return [
    {
      id: "projet",
      title: "Le projet d’activité",
      items: [
        { name: "title", kind: "text", label: "Intitulé du projet", required: true, maxLength: 160 },
        {
          name: "requestKind",
          kind: "radio",
          label: "S’agit-il d’une première demande ou d’un renouvellement ?",
          required: true,
          options: REQUEST_KIND_OPTIONS,
        },
        {
          name: "previousAgreement",
          kind: "text",
          label: "Numéro ou année de la convention CAP ASSO précédente",
          required: true,
          showWhen: { field: "requestKind", values: ["RENEWAL"] },
        },
        {
          name: "activityProject",
          kind: "textarea",
          label: "Décrivez le projet d’activité",
          hint: "Ce que l’association va faire, avec quels moyens, sur les trois années de la convention.",
          required: true,
        },
        { name: "needs", kind: "textarea", label: "À quels besoins répond-il ?", required: true },
        { name: "publics", kind: "textarea", label: "Quels publics vise-t-il ?", required: true },
        {
          name: "territory",
          kind: "text",
          label: "Territoire d’intervention",
          hint: "Communes, quartiers ou intercommunalités concernés.",
          required: true,
        },
        {
          name: "partners",
          kind: "textarea",
          label: "Partenaires du projet",
          hint: "Collectivités, associations, entreprises… et leur rôle.",
          required: false,
        },
        {
          name: "generalInterest",
          kind: "textarea",
          label: "En quoi l’association poursuit-elle un but d’intérêt général ou d’utilité sociale ?",
          required: true,
        },
        {
          name: "sector",
          kind: "select",
          label: "Secteur d’activité",
          required: true,
          options: p.eligibleSectors.map((sector) => ({
            value: sector,
            label: CAP_ASSO_SECTOR_LABELS[sector],
          })),
        },
      ],
    },
    {
      id: "emplois",
      title: "Les emplois",
      intro: p.permanentContractRequired
        ? "Chaque emploi aidé est un CDI, créé ou consolidé par le projet."
        : "Les emplois créés ou consolidés par le projet.",
      items: [
        {
          name: "jobs",
          kind: "list",
          label: "Emplois créés ou consolidés",
          itemLabel: "un emploi",
          addLabel: "Ajouter un emploi",
          minItems: 1,
          maxItems: 30,
          fields: [
            { name: "title", kind: "text", label: "Intitulé du poste", required: true },
            { name: "kind", kind: "radio", label: "Nature", required: true, options: JOB_KIND_OPTIONS },
            { name: "contract", kind: "select", label: "Contrat", required: true, options: CONTRACT_OPTIONS },
            {
              name: "fte",
              kind: "decimal",
              label: "Temps de travail (ETP)",
              hint: "1 pour un temps plein, 0,5 pour un mi-temps.",
              required: true,
              min: 0.1,
              max: 1,
              width: "short",
            },
            {
              name: "startDate",
              kind: "date",
              label: "Date d’embauche (ou prévue)",
              required: true,
              width: "medium",
            },
          ],
        },
      ],
    },
    {
      id: "montants",
      title: "Montants demandés",
      intro: `Le montant annuel est compris entre ${formatWholeEuros(p.minAnnualAmountCents)} et ${formatWholeEuros(p.maxAnnualAmountCents)} par projet.`,
      items: Array.from({ length: yearsOf(p) }, (_, index) => ({
        name: `amountYear${index + 1}`,
        kind: "euros" as const,
        label: `Montant demandé pour l’année ${index + 1}`,
        hint: "En euros, par exemple 12 000.",
        required: true,
        width: "short" as const,
      })),
    },
  ];
}

interface Job {
  kind?: string;
  contract?: string;
  fte?: number;
}

export const capAssoForm: SchemeForm<"CAP_ASSO"> = {
  steps: (context) => steps(context.parameters),
  summarise(values, context) {
    const p = context.parameters;
    const jobs = (values.jobs as Job[] | undefined) ?? [];
    const fteOf = (kind: string) =>
      jobs.filter((job) => job.kind === kind).reduce((sum, job) => sum + (job.fte ?? 0), 0);
    const years = Array.from(
      { length: yearsOf(p) },
      (_, index) => values[`amountYear${index + 1}`] as number | undefined,
    );
    const known = years.filter((amount): amount is number => amount !== undefined);
    const issues: AnswerIssue[] = [];
    years.forEach((amount, index) => {
      if (amount === undefined) return;
      if (amount < p.minAnnualAmountCents || amount > p.maxAnnualAmountCents) {
        issues.push({
          stepId: "montants",
          fieldId: fieldDomId(`amountYear${index + 1}`),
          label: `Montant demandé pour l’année ${index + 1}`,
          message: `Le montant annuel doit être compris entre ${formatWholeEuros(p.minAnnualAmountCents)} et ${formatWholeEuros(p.maxAnnualAmountCents)}.`,
        });
      }
    });
    if (p.permanentContractRequired) {
      jobs.forEach((job, index) => {
        if (job.contract && job.contract !== "CDI") {
          issues.push({
            stepId: "emplois",
            fieldId: fieldDomId("contract", index, "jobs"),
            label: `Emploi ${index + 1} — Contrat`,
            message: "CAP ASSO aide des emplois en CDI.",
          });
        }
      });
    }
    const totalFte = jobs.reduce((sum, job) => sum + (job.fte ?? 0), 0);
    // A working time left empty is still to be given: the jobs criterion stays open (« à compléter »)
    // unless the times already given are enough.
    const jobsFte =
      jobs.length === 0
        ? undefined
        : jobs.every((job) => job.fte !== undefined) || totalFte > p.minTotalJobsFteExclusive
          ? totalFte
          : undefined;
    return {
      requestedAmountCents: known.length ? known.reduce((sum, amount) => sum + amount, 0) : null,
      columns: {
        jobsCreatedFte: jobs.length ? fteOf("CREATED") : null,
        jobsConsolidatedFte: jobs.length ? fteOf("CONSOLIDATED") : null,
        capAssoSector: (values.sector as CapAssoSector | undefined) ?? null,
      },
      situation: {
        organisation: { generalInterest: values.generalInterest ? true : undefined },
        project: {
          jobsFte,
          cdi:
            jobs.length && jobs.every((job) => job.contract)
              ? jobs.every((job) => job.contract === "CDI")
              : undefined,
          annualAmountEur: known.length ? Math.max(...known) / 100 : undefined,
        },
      },
      issues,
    };
  },
  prefill(answers, context, organisation): RawAnswers {
    const prefilled: RawAnswers = {};
    if (organisation.city) prefilled.territory = organisation.city;
    const p = context.parameters;
    const totalFte = Number(
      (answers["project.jobsFte"] ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."),
    );
    if (Number.isFinite(totalFte) && totalFte > 0) {
      // One row per job: the questionnaire's total (« 1,5 ») becomes a full-time job and a half-time one.
      const rows = Math.min(Math.ceil(totalFte), 10);
      prefilled.jobs = Array.from({ length: rows }, (_, index) => ({
        title: "",
        kind: "CREATED",
        contract: answers["project.cdi"] === "oui" ? "CDI" : "",
        fte: String(Math.round(Math.min(1, totalFte - index) * 100) / 100).replace(".", ","),
        startDate: "",
      }));
    }
    if (answers["project.annualAmountEur"]) {
      for (let year = 1; year <= yearsOf(p); year += 1) {
        prefilled[`amountYear${year}`] = answers["project.annualAmountEur"];
      }
    }
    return prefilled;
  },
};
