// One required piece of a dossier: its files (download, replace, remove) and the upload form. The form
// posts as it is without JavaScript; with it, a file dropped on the zone or picked is sent at once with a
// progress bar, and the page reloads its data when the server has checked and stored it.
import { Form, useRevalidator } from "@remix-run/react";
import { useRef, useState, type DragEvent } from "react";

import { useHydrated } from "~/components/use-hydrated";
import { ACCEPT_ATTRIBUTE } from "~/domain/uploads";

interface SlotFile {
  id: string;
  fileName: string;
  size: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Slot {
  kind: string;
  label: string;
  required: boolean;
  files: SlotFile[];
  /** Asked for by the instructor on `on`; `answered` once a file came after the request. */
  requested?: { on: string; answered: boolean } | null;
}

type Progress =
  { state: "idle" } | { state: "sending"; percent: number } | { state: "done"; message: string };

export function AttachmentSlot({
  dossierId,
  slot,
  editable,
  error,
}: {
  dossierId: string;
  slot: Slot;
  editable: boolean;
  error?: string;
}) {
  const id = `piece-${slot.kind}`;
  const complete = slot.files.length > 0;
  const requested = slot.requested;
  const done = complete && (!requested || requested.answered);
  const state = requested
    ? requested.answered
      ? `Fournie à nouveau, comme demandé le ${requested.on}`
      : `${complete ? "À remplacer" : "À fournir"} : demandée par le service instructeur le ${requested.on}`
    : complete
      ? "Fournie"
      : slot.required
        ? "À fournir (obligatoire)"
        : "Facultative";
  return (
    <section className="attachment" aria-labelledby={`${id}-titre`} id={id} tabIndex={-1}>
      <h3 id={`${id}-titre`} className="attachment__title">
        {slot.label}
      </h3>
      <p className={done ? "attachment__state attachment__state--done" : "attachment__state"}>{state}</p>
      {slot.files.length > 0 ? (
        <ul className="attachment__files">
          {slot.files.map((file) => (
            <li key={file.id}>
              <a href={`/dossiers/${dossierId}/pieces/${file.id}`} download>
                {file.fileName}
              </a>{" "}
              ({file.size}) — ajoutée par {file.uploadedBy} le {file.uploadedAt}
              {editable ? (
                <div className="attachment__actions">
                  <UploadForm
                    dossierId={dossierId}
                    kind={slot.kind}
                    replaceId={file.id}
                    label={`Remplacer « ${file.fileName} »`}
                    inputId={`${id}-remplacer-${file.id}`}
                  />
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="kind" value={slot.kind} />
                    <input type="hidden" name="attachmentId" value={file.id} />
                    <button type="submit" className="button button--tertiary">
                      Retirer<span className="visually-hidden"> « {file.fileName} »</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field__error" role="alert" id={`${id}-erreur`}>
          <span className="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
      {editable && (slot.files.length === 0 || slot.kind === "OTHER") ? (
        <UploadForm
          dossierId={dossierId}
          kind={slot.kind}
          label={slot.files.length === 0 ? "Ajouter le fichier" : "Ajouter un autre fichier"}
          context={slot.label}
          inputId={`${id}-fichier`}
          errorId={error ? `${id}-erreur` : undefined}
        />
      ) : null}
    </section>
  );
}

function UploadForm({
  dossierId,
  kind,
  replaceId,
  label,
  inputId,
  errorId,
  context,
}: {
  dossierId: string;
  kind: string;
  replaceId?: string;
  label: string;
  /** What the file is for, read by screen readers after the label (every piece has the same button). */
  context?: string;
  inputId: string;
  errorId?: string;
}) {
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const [clientError, setClientError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const send = (file: File) => {
    const body = new FormData();
    body.set("kind", kind);
    if (replaceId) body.set("replaceId", replaceId);
    body.set("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", `/dossiers/${dossierId}/pieces/envoi`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        setProgress({ state: "sending", percent: Math.round((event.loaded / event.total) * 100) });
      }
    };
    request.onload = () => {
      const answer = request.response as { ok?: boolean; error?: string; message?: string } | null;
      if (request.status === 200 && answer?.ok) {
        setProgress({ state: "done", message: answer.message ?? "Pièce enregistrée." });
        setClientError(null);
        revalidator.revalidate();
      } else {
        setProgress({ state: "idle" });
        setClientError(answer?.error ?? "L’envoi a échoué. Réessayez.");
      }
    };
    request.onerror = () => {
      setProgress({ state: "idle" });
      setClientError("L’envoi a été interrompu : vérifiez votre connexion et réessayez.");
    };
    setClientError(null);
    setProgress({ state: "sending", percent: 0 });
    request.send(body);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) send(file);
  };

  const describedBy =
    [clientError ? `${inputId}-erreur` : null, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="upload"
      onSubmit={(event) => {
        const file = input.current?.files?.[0];
        if (!hydrated || !file) return;
        event.preventDefault();
        send(file);
      }}
    >
      <input type="hidden" name="kind" value={kind} />
      {replaceId ? <input type="hidden" name="replaceId" value={replaceId} /> : null}
      <div
        className={dragging ? "upload__zone upload__zone--over" : "upload__zone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} className="field__label">
          {label}
          {context ? <span className="visually-hidden"> : {context}</span> : null}
          {hydrated ? <span className="upload__hint"> — ou déposez le fichier ici</span> : null}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          name="file"
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={describedBy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (hydrated && file) send(file);
          }}
        />
        {hydrated ? null : (
          <button type="submit" className="button button--secondary">
            Envoyer
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {progress.state === "sending" ? (
          <p>
            <label htmlFor={`${inputId}-progression`}>Envoi en cours</label>{" "}
            <progress id={`${inputId}-progression`} max={100} value={progress.percent}>
              {progress.percent} %
            </progress>{" "}
            {progress.percent} %
          </p>
        ) : progress.state === "done" ? (
          <p className="notice notice--success">{progress.message}</p>
        ) : null}
      </div>
      {clientError ? (
        <p className="field__error" id={`${inputId}-erreur`} role="alert">
          <span className="visually-hidden">Erreur : </span>
          {clientError}
        </p>
      ) : null}
    </Form>
  );
}
