// The dossier's history as staff read it: every event with the name of who made it.
import type { DossierPageData } from "./dossier-action-result";

export function DossierTimeline({ timeline }: { timeline: DossierPageData["timeline"] }) {
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique du dossier</h2>
      {timeline.length === 0 ? (
        <p>Aucun événement enregistré.</p>
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
