// The instructor's page of a dossier: everything filed, the checks, the correction rounds, notes, the
// history and the messages, and the instruction's actions. Each form posts an `intent`; refusals come back
// with French errors next to the fields, a conflict (409) with an alert at the top, nothing typed lost.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import type { DossierActionResult } from "~/components/instruction/dossier-action-result";
import { DossierActions } from "~/components/instruction/dossier-actions";
import { DossierAnswers, DossierFiles } from "~/components/instruction/dossier-answers";
import { DossierCompleteness, DossierEligibility } from "~/components/instruction/dossier-checks";
import { DossierCommunitySummary } from "~/components/instruction/dossier-community-summary";
import { DossierCorrections } from "~/components/instruction/dossier-corrections";
import { DossierHeader } from "~/components/instruction/dossier-header";
import { DossierTimeline } from "~/components/dossier/timeline";
import { DossierMessages } from "~/components/instruction/dossier-messages";
import { DossierNotes } from "~/components/instruction/dossier-notes";
import { repaymentPreview } from "~/domain/schedules";
import { DossierSummary } from "~/components/instruction/dossier-summary";
import { MoneyTimeline } from "~/components/post-grant/money-timeline";
import { db } from "~/db.server";
import { correctionFormSchema } from "~/domain/correction-request";
import { parseEuros } from "~/domain/format";
import { opinionFormSchema } from "~/domain/instruction-opinion";
import { assignDossiers } from "~/services/instruction/assignment.server";
import { postInstructorMessage } from "~/services/dossiers/messages.server";
import {
  MAX_MESSAGE_FILES,
  MAX_MESSAGE_LENGTH,
  MESSAGE_FILES_FIELD,
  readMessageForm,
  type MessageUpload,
} from "~/services/dossiers/message-form.server";
import { readFormData } from "~/services/platform/http.server";
import {
  addNote,
  closeDossier,
  reopenDossier,
  setCompleteness,
  startInstruction,
} from "~/services/instruction/actions.server";
import { getDossierForStaff, type StaffDossier } from "~/services/instruction/access.server";
import { proposeDossier } from "~/services/instruction/proposal.server";
import { requestCorrection } from "~/services/instruction/corrections.server";
import { instructionDossierView, opinionRules, type StaffActor } from "~/services/instruction/dossier.server";
import { purgedDossierLine } from "~/services/admin/retention.server";
import { CONFIRMATION_ID, DOSSIER_CONFIRMATIONS } from "~/components/instruction/dossier-confirmations";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl as publicUrl } from "~/env.server";
import { isUserError } from "~/domain/user-error";
import { fieldErrors, formValues } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.dossier.number} — ${loaded.dossier.title}` : "Dossier"} — Instruction — Portail ESS Centre-Val de Loire`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const url = new URL(request.url);
  const view = await instructionDossierView(db, user, params.id ?? "", url.searchParams);
  const done = url.searchParams.get("fait");
  return {
    ...view,
    purged: await purgedDossierLine(db, params.id ?? ""),
    confirmation: done ? (DOSSIER_CONFIRMATIONS[done] ?? null) : null,
    messageLimits: {
      maxFiles: MAX_MESSAGE_FILES,
      maxLength: MAX_MESSAGE_LENGTH,
      filesField: MESSAGE_FILES_FIELD,
    },
  };
}

type Values = Record<string, string | string[]>;
type Outcome =
  { kind: "done"; done: string } | { kind: "reply"; status: number; result: DossierActionResult };

const text = z.string().default("");
/** Every form that changes the dossier carries the revision the page showed (hidden field). */
const revisionSchema = z.object({ revision: z.coerce.number().int().nonnegative() });
// The forms that move the dossier post the name of their transition (TRANSITIONS, app/domain/dossier-workflow).
const INTENTS = {
  assign: z.object({ assigneeId: z.string().trim().min(1, "Choisissez à qui confier le dossier.") }),
  START_INSTRUCTION: z.object({}),
  REQUEST_CORRECTION: correctionFormSchema,
  // The opinion's schema depends on the dossier's rule set (CAP ASSO's yearly amounts): built below.
  PROPOSE: z.object({}),
  schedule: z.object({ proposedAmount: text }),
  CLOSE: z.object({ closeReason: text }),
  REOPEN: z.object({ reopenReason: text }),
  completeness: z.object({ key: z.string().min(1), checked: z.enum(["0", "1"]) }),
  note: z.object({ noteBody: text }),
  message: z.object({ body: text }),
};
type Intent = keyof typeof INTENTS;
const WITH_REVISION = new Set<Intent>([
  "START_INSTRUCTION",
  "REQUEST_CORRECTION",
  "PROPOSE",
  "CLOSE",
  "REOPEN",
]);
const LIST_FIELDS = new Set(["fields", "attachmentKinds"]);
/** Where a service's French error goes on the form, when the names differ. */
const ERROR_FIELDS: Record<string, Record<string, string>> = {
  note: { body: "noteBody" },
  CLOSE: { reason: "closeReason" },
  REOPEN: { reason: "reopenReason" },
  REQUEST_CORRECTION: { attachmentKinds: "fields" },
};

/** A form's fields, one value each but for the checkbox groups. */
async function readValues(request: Request) {
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const { fields, files, extraFiles } = await readMessageForm(request);
    return { values: fields as Values, files, extraFiles };
  }
  const values: Values = formValues(await readFormData(request), [...LIST_FIELDS]);
  return { values, files: [] as MessageUpload[], extraFiles: 0 };
}

async function runIntent(
  context: { actor: StaffActor; dossier: StaffDossier; appUrl: string },
  read: Awaited<ReturnType<typeof readValues>>,
): Promise<Outcome> {
  const { actor, dossier, appUrl } = context;
  const { values } = read;
  const intent = values.intent as Intent;
  const reply = (status: number, errors: Record<string, string>, extra: Partial<DossierActionResult> = {}) =>
    ({ kind: "reply", status, result: { intent, errors, values, ...extra } }) as const;
  if (typeof intent !== "string" || !Object.hasOwn(INTENTS, intent)) {
    return reply(400, { form: "Action inconnue. Rechargez la page et réessayez." });
  }
  const revision = revisionSchema.safeParse(values);
  if (WITH_REVISION.has(intent) && !revision.success) {
    return reply(400, { form: "Formulaire incomplet. Rechargez la page et réessayez." });
  }
  const base = { actor, dossierId: dossier.id, appUrl, revision: revision.data?.revision ?? -1 };
  const rules = opinionRules(dossier.schemeCode, dossier.ruleSet.parameters);
  if (intent === "PROPOSE") {
    const opinion = opinionFormSchema(rules.yearCount).safeParse(values);
    if (!opinion.success) return reply(422, fieldErrors(opinion.error, { depth: 1 }));
    await proposeDossier(db, storage(), { ...base, ...opinion.data });
    return { kind: "done", done: "proposition" };
  }
  const parsed = INTENTS[intent].safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, { depth: 1 });
    return "key" in errors || "checked" in errors
      ? reply(400, { form: "Formulaire incomplet. Rechargez la page et réessayez." })
      : reply(422, errors);
  }
  const form = parsed.data as Record<string, unknown>;
  const textOf = (name: string) => String(form[name] ?? "");
  switch (intent) {
    case "assign":
      await assignDossiers(db, {
        actor,
        dossierIds: [dossier.id],
        assigneeId: textOf("assigneeId"),
        now: new Date(),
        appUrl,
      });
      return { kind: "done", done: "confie" };
    case "START_INSTRUCTION":
      await startInstruction(db, base);
      return { kind: "done", done: "instruction" };
    case "REQUEST_CORRECTION": {
      const correction = form as z.output<typeof correctionFormSchema>;
      await requestCorrection(db, { ...base, ...correction });
      return { kind: "done", done: "correction" };
    }
    case "schedule": {
      const amount = parseEuros(textOf("proposedAmount"));
      if (!amount.ok) return reply(422, { proposedAmount: amount.error });
      if (!rules.repaymentRules)
        return reply(400, { form: "Ce dispositif n’a pas d’échéancier de remboursement." });
      return reply(200, {}, { preview: repaymentPreview(textOf("proposedAmount"), rules.repaymentRules) });
    }
    case "CLOSE":
      await closeDossier(db, { ...base, reason: textOf("closeReason") });
      return { kind: "done", done: "clos" };
    case "REOPEN":
      await reopenDossier(db, { ...base, reason: textOf("reopenReason") });
      return { kind: "done", done: "rouvert" };
    case "completeness":
      await setCompleteness(db, {
        actor,
        dossierId: dossier.id,
        key: textOf("key"),
        checked: form.checked === "1",
      });
      // A fetcher's post: the page revalidates where it is rather than jumping to an anchor.
      if (values.fetcher === "1") return reply(200, {}, { ok: true });
      return { kind: "done", done: "completude" };
    case "note":
      await addNote(db, { actor, dossierId: dossier.id, body: textOf("noteBody") });
      return { kind: "done", done: "note" };
    case "message":
      await postInstructorMessage(db, storage(), {
        actor,
        dossierId: dossier.id,
        appUrl,
        body: textOf("body"),
        files: read.files,
        extraFiles: read.extraFiles,
      });
      return { kind: "done", done: "message" };
  }
}

/** A refusal the instructor can act on, as French errors for the form that was sent; anything else throws. */
function refusal(error: unknown, intent: string, values: Values, hadFiles: boolean): Outcome {
  const reply = (status: number, errors: Record<string, string>, conflict?: string) =>
    ({ kind: "reply", status, result: { intent, errors, values, conflict, hadFiles } }) as const;
  if (!isUserError(error)) throw error;
  if (error.status === 409) return reply(409, {}, error.message);
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    errors[ERROR_FIELDS[intent]?.[key] ?? key] ??= message;
  }
  return reply(error.status, Object.keys(errors).length > 0 ? errors : { form: error.message });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const actor = { id: user.id, role: user.role };
  // Before the body is read: a dossier outside the instructor's scope is a 404, its upload never looked at.
  const dossier = await getDossierForStaff(db, actor, params.id ?? "");
  const appUrl = publicUrl();
  let read: Awaited<ReturnType<typeof readValues>> = { values: {}, files: [], extraFiles: 0 };
  let outcome: Outcome;
  try {
    read = await readValues(request);
    outcome = await runIntent({ actor, dossier, appUrl }, read);
  } catch (error) {
    const intent = typeof read.values.intent === "string" ? read.values.intent : "message";
    outcome = refusal(error, intent, read.values, read.files.length + read.extraFiles > 0);
  }
  if (outcome.kind === "reply") return data<DossierActionResult>(outcome.result, { status: outcome.status });
  const url = new URL(request.url);
  url.searchParams.set("fait", outcome.done);
  // The notice is where the page opens, and links to the section the action changed.
  return redirect(`${url.pathname}${url.search}#${CONFIRMATION_ID}`);
}

export default function InstructionDossier() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { dossier } = loaded;
  return (
    <div className="instruction-dossier">
      <DossierHeader
        dossier={dossier}
        navigation={loaded.navigation}
        confirmation={loaded.confirmation}
        result={result}
      />
      {loaded.purged ? (
        <p className="notice notice--info" role="note">
          {loaded.purged}
        </p>
      ) : null}
      <DossierSummary dossier={dossier} assignment={loaded.assignment} result={result} />
      <section aria-labelledby="actions" id="actions-instruction">
        <h2 id="actions">Actions d’instruction</h2>
        <DossierActions data={loaded} result={result} />
      </section>
      {loaded.money ? (
        <MoneyTimeline timeline={loaded.money} title="Après l’octroi" headingId="apres-octroi" />
      ) : null}
      <DossierEligibility eligibility={loaded.eligibility} ruleSetVersion={dossier.ruleSetVersion} />
      <DossierCompleteness items={loaded.completeness} />
      <DossierCorrections corrections={loaded.corrections} />
      <DossierAnswers answers={loaded.answers} />
      <DossierFiles pieces={loaded.pieces} documents={loaded.documents} />
      <DossierNotes notes={loaded.notes} result={result} />
      <DossierTimeline timeline={loaded.timeline} />
      <DossierCommunitySummary community={loaded.community} />
      <DossierMessages
        messages={loaded.messages}
        uploadLimit={loaded.uploadLimit}
        limits={loaded.messageLimits}
        result={result}
      />
    </div>
  );
}
