// What the funders' community says about a dossier its holder shares, for Region staff: the positions
// shown to the community and the latest comments, with a link to take part in the funders' space.
import { Link } from "@remix-run/react";

import { MessageThread } from "~/components/dossier/message-thread";
import { PositionsTable } from "~/components/funders/dossier-community";
import type { CommunityActivity } from "~/services/funders/positions.server";

const LATEST_COMMENTS = 3;

export function DossierCommunitySummary({ community }: { community: CommunityActivity | null }) {
  if (!community) return null;
  const latest = community.comments.slice(-LATEST_COMMENTS).reverse();
  const older = community.comments.length - latest.length;
  return (
    <section aria-labelledby="communaute-financeurs" className="community community--summary">
      <h2 id="communaute-financeurs">Communauté des financeurs</h2>
      <p className="community__privacy">
        Le porteur de projet partage ce dossier avec les financeurs. Ni vos notes internes ni vos échanges
        avec le porteur de projet ne leur sont montrés.
      </p>
      <PositionsTable positions={community.positions} caption="Positions partagées par les financeurs" />
      <h3>Derniers messages de la discussion</h3>
      <MessageThread messages={latest} />
      {older > 0 ? (
        <p>
          {older === 1 ? "1 message plus ancien" : `${older} messages plus anciens`} dans l’espace financeurs.
        </p>
      ) : null}
      <p>
        <Link to={`/financeurs/dossiers/${community.dossierId}#communaute`}>
          Ouvrir l’espace financeurs de ce dossier
        </Link>
      </p>
    </section>
  );
}
