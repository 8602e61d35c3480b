// A dossier's history, the same list for its applicants and for Region staff: each reader's service
// names the actors its own way (staff by name, applicants « Service instructeur de la Région »).
import type { TimelineEntry } from "~/domain/dossier-timeline";

export function DossierTimeline({
  timeline,
  emptyText = "Aucun événement enregistré.",
}: {
  timeline: readonly TimelineEntry[];
  emptyText?: string;
}) {
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique du dossier</h2>
      {timeline.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <ol className="timeline">
          {timeline.map((event) => (
            <li key={event.id} className="timeline__event">
              <time dateTime={event.iso} className="timeline__date">
                {event.at}
              </time>
              <p className="timeline__label">
                <strong>{event.label}</strong> — {event.actor}
              </p>
              {event.reason ? <p className="timeline__reason">{event.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
