// A thread of messages, the same markup wherever people write to each other about a dossier: the
// conversation between its applicants and the instruction service (both sides read it), the staff's
// private notes and the funders' discussion. Region messages are set apart.
import type { MessageEntry } from "~/domain/dossier-timeline";

export type ThreadMessage = {
  id: string;
  author: string;
  at: string;
  iso: string;
  body: string;
  /** Written by Region staff. */
  fromRegion?: boolean;
  attachments?: ReadonlyArray<{ href: string; fileName: string; size: string }>;
};

export function MessageThread({
  messages,
  emptyText = "Aucun message pour l’instant.",
}: {
  messages: readonly ThreadMessage[];
  emptyText?: string;
}) {
  if (messages.length === 0) return <p>{emptyText}</p>;
  return (
    <ol className="thread">
      {messages.map((item) => (
        <li key={item.id} className={item.fromRegion ? "message message--region" : "message"}>
          <p className="message__meta">
            <strong>{item.author}</strong>, le <time dateTime={item.iso}>{item.at}</time>
          </p>
          <p className="message__body">{item.body}</p>
          {item.attachments && item.attachments.length > 0 ? (
            <ul className="message__files" aria-label="Pièces jointes">
              {item.attachments.map((file) => (
                <li key={file.href}>
                  <a href={file.href} download>
                    {file.fileName}
                  </a>{" "}
                  ({file.size})
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The conversation between a dossier's applicants and the instruction service. */
export function DossierMessageThread({ messages }: { messages: readonly MessageEntry[] }) {
  return (
    <MessageThread
      messages={messages.map((message) => ({
        ...message,
        author: message.authorLabel,
        fromRegion: !message.fromApplicant,
      }))}
    />
  );
}
