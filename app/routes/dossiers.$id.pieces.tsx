// The dossier's attachments: each piece the rule set requires, with its file, to add, replace or remove
// until instruction starts. Upload by file picker or drag and drop, with progress when JavaScript runs.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { fullName } from "~/domain/people";
import { AttachmentSlot } from "~/components/dossier-form/attachment-slot";
import { db } from "~/db.server";
import { dossierSteps, SCHEME_FORMS, readDossierAnswers } from "~/domain/dossier-forms";
import { formatDateTime } from "~/domain/format";
import { ACCEPTED_TYPES, formatBytes } from "~/domain/uploads";
import { env } from "~/env.server";
import {
  listAttachments,
  OTHER_ATTACHMENT_KIND,
  removeAttachment,
  uploadAttachment,
} from "~/services/applicant/attachments.server";
import { openCorrections } from "~/services/applicant/correction-requests.server";
import {
  answersOf,
  formContext,
  getDossierForMember,
  isEditableByApplicant,
} from "~/services/applicant/dossiers.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { ONE_FILE_AT_A_TIME, readMultipartForm } from "~/services/platform/multipart.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { type ActionResult } from "~/domain/forms";

const CONFIRMATIONS: Record<string, string> = {
  ajoutee: "La pièce a été ajoutée.",
  remplacee: "La pièce a été remplacée.",
  retiree: "La pièce a été retirée.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossier = await getDossierForMember(db, user.id, params.id ?? "");
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const reading = readDossierAnswers(dossier.schemeCode, context, answersOf(dossier.answers));
  const notNeeded = new Set(SCHEME_FORMS[dossier.schemeCode].attachmentsNotNeeded?.(reading.values) ?? []);
  const attachments = await listAttachments(db, user.id, dossier.id);
  const corrections = await openCorrections(
    db,
    dossier,
    dossierSteps(dossier.schemeCode, context),
    context.parameters.requiredAttachments,
  );
  // A piece the instructor asked for: to replace (or add) until a file arrives after the request.
  const requestOf = (kind: string) => {
    const request = corrections.find((correction) => correction.attachmentKinds.includes(kind));
    if (!request) return null;
    const answered = attachments.some(
      (attachment) => attachment.kind === kind && attachment.createdAt > request.requestedAt,
    );
    return { on: request.requestedOn, answered };
  };
  const files = attachments.map((attachment) => ({
    id: attachment.id,
    kind: attachment.kind,
    fileName: attachment.fileName,
    size: formatBytes(attachment.sizeBytes),
    uploadedBy: fullName(attachment.uploadedBy),
    uploadedAt: formatDateTime(attachment.createdAt),
  }));
  const slots = [
    ...context.parameters.requiredAttachments.map((required) => ({
      kind: required.kind,
      label: required.label,
      required: !notNeeded.has(required.kind),
    })),
    { kind: OTHER_ATTACHMENT_KIND, label: "Autres pièces utiles (facultatif)", required: false },
  ];
  const message = new URL(request.url).searchParams.get("message");
  return {
    dossierId: dossier.id,
    editable: isEditableByApplicant(dossier.status),
    slots: slots.map((slot) => ({
      ...slot,
      files: files.filter((file) => file.kind === slot.kind),
      requested: requestOf(slot.kind),
    })),
    accepted: ACCEPTED_TYPES.map((type) => type.label).join(", "),
    maxSize: formatBytes(env().uploadMaxBytes),
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

/** The piece (`kind`) a refusal is about, so that it shows beside that piece. */
type Result = ActionResult<{ kind: string }>;
const refuse = (kind: string, form: string) =>
  data<Result>({ errors: { form }, values: { kind } }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  const done = (message: string) => redirect(`/dossiers/${dossierId}/pieces?message=${message}`);
  let kind = "";
  try {
    if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
      // Membership first: a stranger's upload is not even read.
      await getDossierForMember(db, user.id, dossierId);
      const { form, files, extraFiles } = await readMultipartForm(request, { fileFields: ["file"] });
      kind = String(form.get("kind") ?? "");
      if (extraFiles > 0) return refuse(kind, ONE_FILE_AT_A_TIME);
      const file = files[0];
      if (!file) return refuse(kind, "Choisissez un fichier.");
      if (!file.inspection.ok) return refuse(kind, file.inspection.error);
      const replaceId = String(form.get("replaceId") ?? "") || undefined;
      await uploadAttachment(db, storage(), {
        userId: user.id,
        dossierId,
        kind,
        fileName: file.declaredName,
        source: file.inspection.bytes,
        replaceId,
      });
      return done(replaceId ? "remplacee" : "ajoutee");
    }
    const form = await readFormData(request);
    kind = String(form.get("kind") ?? "");
    if (form.get("intent") === "remove") {
      await removeAttachment(db, storage(), {
        userId: user.id,
        dossierId,
        attachmentId: String(form.get("attachmentId") ?? ""),
      });
      return done("retiree");
    }
    return refuse(kind, "Action inconnue. Rechargez la page et réessayez.");
  } catch (error) {
    return replyTo(error, { values: { kind } });
  }
}

export default function DossierAttachments() {
  const { dossierId, editable, slots, accepted, maxSize, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="titre-pieces">
      <h2 id="titre-pieces">Pièces justificatives</h2>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      <p>
        Formats acceptés : {accepted}. Taille maximale : {maxSize} par fichier. Le type de chaque fichier est
        vérifié d’après son contenu.
      </p>
      {slots.map((slot) => (
        <AttachmentSlot
          key={slot.kind}
          dossierId={dossierId}
          slot={slot}
          editable={editable}
          error={result?.values.kind === slot.kind ? result.errors.form : undefined}
        />
      ))}
      {result && !slots.some((slot) => slot.kind === result.values.kind) ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      {editable ? (
        <p className="form-actions">
          <Link to={`/dossiers/${dossierId}/depot`} className="button">
            Continuer vers la vérification et le dépôt
          </Link>
        </p>
      ) : null}
    </section>
  );
}
