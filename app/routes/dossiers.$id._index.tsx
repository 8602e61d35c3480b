// The dossier's own page for its applicants: what to do next, the documents to download, the timeline,
// the conversation with the instruction service and the consent to share the dossier with funders.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { DossierMessageThread } from "~/components/dossier/message-thread";
import { DossierTimeline } from "~/components/dossier/timeline";
import { MessageForm } from "~/components/dossier-overview/message-form";
import { NextAction } from "~/components/dossier-overview/next-action";
import { SharingForm } from "~/components/dossier-overview/sharing-form";
import type { OverviewActionResult } from "~/components/dossier-overview/types";
import { ErrorSummary } from "~/components/error-summary";
import { MoneyTimeline, NextStepText } from "~/components/post-grant/money-timeline";
import { db } from "~/db.server";
import { postMessage } from "~/services/dossiers/messages.server";
import { issuedOn } from "~/domain/dossier-documents";
import {
  MAX_MESSAGE_FILES,
  MAX_MESSAGE_LENGTH,
  MESSAGE_FILES_FIELD,
  readMessageForm,
} from "~/services/dossiers/message-form.server";
import { dossierOverview } from "~/services/applicant/dossier-overview.server";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";

const CONFIRMATIONS: Record<string, { section: "depot" | "messages" | "partage"; text: string }> = {
  depose: {
    section: "depot",
    text: "Votre dossier est déposé. Le récépissé vous a été envoyé par courriel ; il est aussi à télécharger ci-dessous.",
  },
  "deja-depose": { section: "depot", text: "Ce dossier était déjà déposé : il ne l’a été qu’une fois." },
  "corrige-renvoye": {
    section: "depot",
    text: "Votre dossier corrigé est renvoyé au service instructeur, qui en est averti. Son instruction reprend.",
  },
  "message-envoye": { section: "messages", text: "Votre message a été envoyé au service instructeur." },
  "partage-active": {
    section: "partage",
    text: "Votre dossier est désormais partagé avec la communauté des financeurs.",
  },
  "partage-retire": {
    section: "partage",
    text: "Votre dossier n’est plus partagé avec la communauté des financeurs.",
  },
  "partage-inchange": { section: "partage", text: "Votre choix est enregistré\u00a0: il n’a pas changé." },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const overview = await dossierOverview(db, user.id, params.id ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return {
    ...overview,
    maxMessageFiles: MAX_MESSAGE_FILES,
    maxMessageLength: MAX_MESSAGE_LENGTH,
    // Through the loader: imports of a .server module are empty in the browser.
    messageFilesField: MESSAGE_FILES_FIELD,
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("message"), body: z.string().default("") }),
  z.object({ intent: z.literal("sharing"), share: z.literal("on").optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  // Before the body is read: a stranger's upload is not even looked at.
  await getDossierForMember(db, user.id, dossierId);
  const isMultipart = /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");
  let fields: Record<string, string> = {};
  let files: Awaited<ReturnType<typeof readMessageForm>>["files"] = [];
  let extraFiles = 0;
  try {
    if (isMultipart) ({ fields, files, extraFiles } = await readMessageForm(request));
    else {
      for (const [name, value] of await readFormData(request)) {
        if (typeof value === "string") fields[name] ??= value;
      }
    }
    const parsed = actionSchema.safeParse(fields);
    if (!parsed.success) {
      return data<OverviewActionResult>(
        { intent: "", errors: { form: "Action inconnue. Rechargez la page et réessayez." }, values: {} },
        { status: 400 },
      );
    }
    const done = (message: string, anchor: string) =>
      redirect(`/dossiers/${dossierId}?message=${message}#${anchor}`);
    if (parsed.data.intent === "message") {
      await postMessage(db, storage(), {
        userId: user.id,
        dossierId,
        body: parsed.data.body,
        files,
        extraFiles,
        appUrl: appUrl(),
      });
      return done("message-envoye", "messages");
    }
    const result = await setFunderSharing(db, {
      userId: user.id,
      dossierId,
      share: parsed.data.share === "on",
    });
    return done(
      !result.changed ? "partage-inchange" : result.shared ? "partage-active" : "partage-retire",
      "partage",
    );
  } catch (error) {
    // Without an intent, the body could not be read: only the message form posts one that can fail so.
    const intent = fields.intent ?? "message";
    return replyTo(error, {
      intent,
      values: { body: fields.body ?? "" },
      hadFiles: files.length + extraFiles > 0,
    });
  }
}

function Confirmation({
  confirmation,
  section,
}: {
  confirmation: { section: string; text: string } | null;
  section: string;
}) {
  return (
    <div role="status">
      {confirmation?.section === section ? (
        <p className="notice notice--success">{confirmation.text}</p>
      ) : null}
    </div>
  );
}

export default function DossierOverview() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { dossier, confirmation } = loaded;
  // Errors of a form not on the page (an unknown action, a message on a draft) are shown at the top.
  const shownBelow = result?.intent === "sharing" || (result?.intent === "message" && loaded.canWrite);
  const otherErrors = result && !shownBelow ? result.errors : {};
  return (
    <div className="dossier-overview">
      <ErrorSummary errors={otherErrors} />
      <Confirmation confirmation={confirmation} section="depot" />
      <section aria-labelledby="prochaine-etape" className="next-action">
        <h2 id="prochaine-etape">Prochaine étape</h2>
        <NextAction dossier={dossier} corrections={loaded.corrections} />
        {loaded.money ? <NextStepText next={loaded.money.next} /> : null}
      </section>

      {loaded.money ? (
        <MoneyTimeline
          timeline={loaded.money}
          title="Suivi de l’aide"
          headingId="suivi-aide"
          showNext={false}
        />
      ) : null}

      <section aria-labelledby="documents">
        <h2 id="documents">Documents à télécharger</h2>
        <ul className="document-list">
          {loaded.documents.map((document) => (
            <li key={document.slug}>
              <a href={document.href} download>
                {document.label} (PDF)
              </a>
              <span className="document-list__note">
                {document.date
                  ? ` — ${issuedOn(document.slug, document.date)}`
                  : " — édité au moment du téléchargement, avec vos réponses actuelles"}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <DossierTimeline timeline={loaded.timeline} emptyText="Aucun événement enregistré pour l’instant." />

      <section aria-labelledby="messages-titre" id="messages">
        <h2 id="messages-titre">Messages avec le service instructeur</h2>
        <Confirmation confirmation={confirmation} section="messages" />
        <DossierMessageThread messages={loaded.messages} />
        {loaded.canWrite ? (
          // With JavaScript the page is not reloaded: a new key empties the form once the message is sent.
          <MessageForm
            key={loaded.messages.length}
            result={result}
            uploadLimit={loaded.uploadLimit}
            maxFiles={loaded.maxMessageFiles}
            maxLength={loaded.maxMessageLength}
            filesField={loaded.messageFilesField}
          />
        ) : (
          <p>Vous pourrez écrire au service instructeur une fois votre dossier déposé.</p>
        )}
      </section>

      <section aria-labelledby="partage-titre" id="partage">
        <h2 id="partage-titre">Partage avec la communauté des financeurs</h2>
        <Confirmation confirmation={confirmation} section="partage" />
        <SharingForm key={String(loaded.sharing.shared)} sharing={loaded.sharing} result={result} />
      </section>
    </div>
  );
}
