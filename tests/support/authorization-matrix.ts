// Who may call what: every route module of app/routes, its loader and its action (each intent where it has
// several), against every role, with the answer expected. tests/integration/authorization-matrix.test.ts
// calls each one for real and fails on a route module without a row here: a new route is added here too.
//
// The world (MatrixWorld): a target organisation with a filed dossier shared with funders and a draft, its
// owner and a plain member (who also belongs to the organisation of a granted dossier, for the post-grant
// pages); an applicant of another organisation; an instructor whose scope leaves the
// target out (Indre-et-Loire only) and the demo instructor (everything); the demo funder; the demo admin.
// Authorised roles post what the form's validation refuses, so the matrix proves the guard let them through
// without changing the world; a few harmless actions (sign out, share a dossier already shared) succeed.

export const ROLES = [
  "anonymous",
  "otherApplicant",
  "member",
  "owner",
  "instructorOut",
  "instructorIn",
  "funder",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** A status, `login` (302 to /connexion?redirectTo=…), or `→/path` (a redirect there, query aside). */
export type Expected = number | "login" | `→${string}`;
export type Grid = Record<Role, Expected>;

/** The ids the checks use, read from the seeded world. */
export interface MatrixWorld {
  organisationId: string;
  dossierId: string;
  /**
   * A granted CAP ASSO dossier of an organisation the owner and the member belong to: agreement accepted by
   * both sides, advance paid (payment 1), year 1's report sent and the balance requested (payment 2).
   */
  grantedId: string;
  draftId: string;
  firstStepId: string;
  attachmentId: string;
  /** A piece of a dossier of another organisation. */
  foreignAttachmentId: string;
  /** Valid edit forms of the target organisation and of the demo funder's (their current values). */
  organisationForm: Record<string, string>;
  funderOrganisationForm: Record<string, string>;
  /** An applicant who is not a member of the target organisation. */
  outsiderId: string;
  memberId: string;
  adminId: string;
  callId: string;
  funderOrganisationId: string;
  territoryId: string;
  reviewId: string;
  commissionSessionId: string;
  /** The demo funder's saved filter, and one of a funder of another organisation. */
  filterId: string;
  foreignFilterId: string;
  /** A pending invitation of another organisation. */
  foreignInvitationId: string;
}

type Fields = Record<string, string | string[]>;

export interface Check {
  params?: (world: MatrixWorld) => Record<string, string>;
  /** Form fields of an action (the intent is added from the key in `actions`). */
  form?: (world: MatrixWorld) => Fields;
  expect: Grid;
  /** The answer to every authorised role when each id of the URL is replaced by a guessed one. */
  guessed?: Expected;
}

export interface RouteRow {
  /** Open to everyone by design (`development`: only outside production, see security-http.test.ts). */
  public?: true | "development";
  loader?: Check;
  action?: Check;
  /** An action with several forms: one check per `intent`. */
  actions?: Record<string, Check>;
}

/** The URL of a flat route file: `dossiers.$id.pieces.$attachmentId.ts` → `/dossiers/<id>/pieces/<…>`. */
export function urlOf(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.(\w+)\]/g, "~$1")
    .split(".")
    .filter((segment) => segment !== "_index");
  const path = segments.map((segment) => {
    const [raw, extension] = segment.split("~") as [string, string | undefined];
    // A trailing underscore (`$id_`) only opts out of the parent's layout: not part of the URL.
    const name = raw.replace(/_$/, "");
    const value = name.startsWith("$") ? encodeURIComponent(params[name.slice(1)] ?? "") : name;
    return extension ? `${value}.${extension}` : value;
  });
  return `/${path.join("/")}`.replace(/\/$/, "") || "/";
}

const all = (value: Expected): Grid => Object.fromEntries(ROLES.map((role) => [role, value])) as Grid;
/** Signed-out visitors are sent to sign in, every role not named is refused (403). */
const guarded = (allowed: Partial<Grid>): Grid => ({ ...all(403), anonymous: "login", ...allowed });
const signedIn = (value: Expected): Grid => ({ ...all(value), anonymous: "login" });
const adminOnly = (value: Expected): Grid => guarded({ admin: value });
const staff = (out: Expected, inScope: Expected = out, admin: Expected = inScope): Grid =>
  guarded({ instructorOut: out, instructorIn: inScope, admin });
/** Applicants: another organisation's (404, as if the id did not exist), a member, the owner. */
const applicants = (other: Expected, member: Expected, owner: Expected = member): Grid =>
  guarded({ otherApplicant: other, member, owner });
const community = (value: Expected, funder: Expected = value): Grid =>
  guarded({ instructorOut: value, instructorIn: value, funder, admin: value });
const HOMES = { otherApplicant: "→/espace", member: "→/espace", owner: "→/espace" } as const;
const signedInHomes: Partial<Grid> = {
  ...HOMES,
  instructorOut: "→/instruction",
  instructorIn: "→/instruction",
  funder: "→/financeurs",
  admin: "→/admin",
};

const dossier = (w: MatrixWorld) => ({ id: w.dossierId });
const draft = (w: MatrixWorld) => ({ id: w.draftId });
const granted = (w: MatrixWorld) => ({ id: w.grantedId });
const report = (w: MatrixWorld) => ({ id: w.grantedId, period: "1" });
const payment = (w: MatrixWorld) => ({ id: w.grantedId, position: "2" });
const staffPayment = (w: MatrixWorld) => ({ id_: w.grantedId, id: w.grantedId, position: "2" });
// Two passwords that differ: refused before any hashing (scrypt would cost a second per role). The real
// links are followed over HTTP in security-http.test.ts.
const PASSWORDS = { password: "Un-mot-de-passe-solide-2026", passwordConfirmation: "Un-autre-2026" };
const TOKEN = { token: "jeton-invente-0123456789abcdef" };

export const MATRIX: Record<string, RouteRow> = {
  "_index.tsx": { public: true },
  "accessibilite.tsx": { public: true },
  "mentions-legales.tsx": { public: true, loader: { expect: all(200) } },
  "donnees-personnelles.tsx": { public: true, loader: { expect: all(200) } },
  "healthz.ts": { public: true, loader: { expect: all(200) } },
  "dispositifs._index.tsx": { public: true, loader: { expect: all(200) } },
  "dispositifs.$slug.tsx": {
    public: true,
    loader: { params: () => ({ slug: "cap-asso" }), expect: all(200), guessed: 404 },
  },
  "eligibilite.tsx": { public: true, loader: { expect: all(200) }, action: { expect: all(200) } },
  "indicateurs.tsx": { public: true, loader: { expect: all(200) } },
  // Open data: the subsidies awarded (SCDL), for anyone.
  "donnees.subventions[.csv].ts": { public: true, loader: { expect: all(200) } },
  "donnees.subventions[.json].ts": { public: true, loader: { expect: all(200) } },
  "indicateurs.$serie[.csv].ts": {
    public: true,
    loader: { params: () => ({ serie: "dispositifs" }), expect: all(200), guessed: 404 },
  },
  "dev.mails._index.tsx": { public: "development", loader: { expect: all(200) } },
  "dev.mails.$id.tsx": {
    public: "development",
    loader: { params: () => ({ id: "inconnu" }), expect: all(404) },
  },
  "dev.mails.$id.pieces-jointes.$index.ts": {
    public: "development",
    loader: { params: () => ({ id: "inconnu", index: "0" }), expect: all(404) },
  },

  // Signing in, up and out; the emailed links (tokens are 32 random bytes: a guessed one is just unknown).
  "connexion.tsx": {
    public: true,
    loader: { expect: { ...all(200), ...signedInHomes } },
    action: { form: () => ({ email: "", password: "" }), expect: all(400) },
  },
  "inscription.tsx": {
    public: true,
    loader: { expect: { ...all(200), ...signedInHomes } },
    action: { form: () => ({ email: "" }), expect: all(400) },
  },
  "deconnexion.tsx": { public: true, action: { expect: all("→/") } },
  // Only a pending sign-in (its own cookie, after the right password) opens the second step; a session
  // does not: followed over HTTP in second-factor.test.ts.
  "connexion_.verification.tsx": {
    public: true,
    loader: { expect: all("→/connexion") },
    actions: { code: { form: () => ({ code: "123456" }), expect: all("→/connexion") } },
  },
  "mot-de-passe-oublie.tsx": { public: true, action: { form: () => ({ email: "" }), expect: all(400) } },
  "reinitialiser-mot-de-passe.$token.tsx": {
    public: true,
    loader: { params: () => TOKEN, expect: all(200) },
    action: { params: () => TOKEN, form: () => PASSWORDS, expect: all(400) },
  },
  "activer-mon-compte.$token.tsx": {
    public: true,
    loader: { params: () => TOKEN, expect: all(200) },
    action: { params: () => TOKEN, form: () => PASSWORDS, expect: all(400) },
  },
  "verifier-email.$token.tsx": { public: true, loader: { params: () => TOKEN, expect: all(200) } },
  // A forged or mangled unsubscribe link names nobody; a genuine one is followed in digest-unsubscribe.test.ts.
  "desabonnement.$token.tsx": {
    public: true,
    loader: { params: () => TOKEN, expect: all(404) },
    action: { params: () => TOKEN, form: () => ({ "List-Unsubscribe": "One-Click" }), expect: all(404) },
  },
  "invitations.$token.tsx": {
    public: true,
    loader: { params: () => TOKEN, expect: all(404) },
    action: { params: () => TOKEN, expect: applicants(400, 400) },
  },

  // Every signed-in account.
  "compte.tsx": {
    loader: { expect: signedIn(200) },
    actions: {
      "resend-verification": { expect: signedIn("→/compte") },
      "sign-out-everywhere": { expect: signedIn("→/connexion") },
      // Another person's session, or none: nothing to close.
      "close-session": { form: () => ({ sessionId: "session-inconnue" }), expect: signedIn(404) },
      notifications: {
        form: () => ({ notificationMode: "pigeon" }),
        expect: { ...signedIn(400), otherApplicant: 403, member: 403, owner: 403, funder: 403 },
      },
      "change-password": { expect: signedIn(400) },
    },
  },
  "compte.mes-donnees[.zip].ts": { loader: { expect: signedIn(200) } },
  // The demo staff are enrolled already (409); the others are refused the empty code (400).
  // Single sign-on: not offered without OIDC_ISSUER (the matrix's case); region-sign-in.test.ts has it on.
  "connexion_.region.ts": { public: true, loader: { expect: { ...all(404), ...signedInHomes } } },
  "connexion_.region_.retour.ts": { public: true, loader: { expect: all(404) } },
  "compte_.double-authentification.tsx": {
    loader: { expect: signedIn(200) },
    actions: {
      enrol: {
        form: () => ({ code: "" }),
        expect: { ...signedIn(400), instructorIn: 409, funder: 409, admin: 409 },
      },
    },
  },

  // The applicant's space: a dossier is another organisation's = unknown (404).
  "espace.tsx": { loader: { expect: applicants(200, 200) } },
  "organisations.nouvelle.tsx": {
    loader: { expect: applicants(200, 200) },
    action: { expect: applicants(400, 400) },
  },
  "organisations.$id.tsx": {
    loader: { params: (w) => ({ id: w.organisationId }), expect: applicants(404, 200), guessed: 404 },
    actions: {
      update: {
        params: (w) => ({ id: w.organisationId }),
        form: (w) => w.organisationForm,
        expect: applicants(404, 403, "→/organisations/"),
      },
      invite: {
        params: (w) => ({ id: w.organisationId }),
        form: () => ({ email: "invitee-matrice@example.fr", role: "MEMBER" }),
        expect: applicants(404, 403, "→/organisations/"),
      },
      "remove-member": {
        params: (w) => ({ id: w.organisationId }),
        form: (w) => ({ memberUserId: w.outsiderId }),
        expect: applicants(404, 403, 400),
      },
      "revoke-invitation": {
        params: (w) => ({ id: w.organisationId }),
        form: (w) => ({ invitationId: w.foreignInvitationId }),
        expect: applicants(404, 403, 400),
      },
    },
  },
  "dossiers.nouveau.tsx": {
    loader: { expect: applicants(200, 200) },
    action: {
      form: (w) => ({ dispositif: "cap-scop-scic", organisationId: w.organisationId }),
      expect: applicants(404, "→/dossiers/"),
    },
  },
  "dossiers.$id.tsx": { loader: { params: dossier, expect: applicants(404, 200), guessed: 404 } },
  "dossiers.$id._index.tsx": {
    loader: { params: dossier, expect: applicants(404, 200), guessed: 404 },
    actions: {
      message: { params: dossier, form: () => ({ body: "" }), expect: applicants(404, 400), guessed: 404 },
      sharing: {
        params: dossier,
        form: () => ({ share: "on" }),
        expect: applicants(404, "→/dossiers/"),
        guessed: 404,
      },
    },
  },
  "dossiers.$id.etapes.$step.tsx": {
    loader: {
      params: (w) => ({ id: w.draftId, step: w.firstStepId }),
      expect: applicants(404, 200),
      guessed: 404,
    },
    // A stale revision: the member is told the owner saved since (nothing saved); the owner, who saved
    // last, is merely racing their own autosave.
    action: {
      params: (w) => ({ id: w.draftId, step: w.firstStepId }),
      form: () => ({ intent: "save", revision: "-5" }),
      expect: applicants(404, 409, 200),
      guessed: 404,
    },
  },
  "dossiers.$id.pieces.tsx": {
    loader: { params: draft, expect: applicants(404, 200), guessed: 404 },
    // Another organisation's piece named in the form of one's own draft: not found there, kept.
    actions: {
      remove: {
        params: draft,
        form: (w) => ({ attachmentId: w.foreignAttachmentId }),
        expect: applicants(404, 400),
        guessed: 404,
      },
    },
  },
  "dossiers.$id.pieces.envoi.ts": {
    loader: { params: draft, expect: all(405) },
    action: { params: draft, expect: applicants(404, 400), guessed: 404 },
  },
  "dossiers.$id.pieces.$attachmentId.ts": {
    loader: {
      params: (w) => ({ id: w.dossierId, attachmentId: w.attachmentId }),
      expect: applicants(404, 200),
      guessed: 404,
    },
  },
  "dossiers.$id.documents.$document.ts": {
    loader: {
      params: (w) => ({ id: w.dossierId, document: "recepisse" }),
      expect: applicants(404, 200),
      guessed: 404,
    },
  },
  "dossiers.$id.depot.tsx": {
    loader: { params: draft, expect: applicants(404, 200), guessed: 404 },
    // The draft is incomplete: filing is refused with what is missing.
    action: {
      params: draft,
      form: () => ({ declaration: "on" }),
      expect: applicants(404, 422),
      guessed: 404,
    },
  },

  // Instruction: Region staff; an instructor's scope hides the dossiers outside it (404).
  "instruction.tsx": { loader: { expect: staff(200) } },
  "instruction._index.tsx": {
    loader: { expect: staff(200) },
    // Taking back a dossier from nobody: refused outside the scope, nothing assigned.
    action: {
      form: (w) => ({ dossier: w.dossierId, confier_a: "aucun" }),
      expect: staff(403, "→/instruction"),
    },
  },
  "instruction.export[.csv].ts": { loader: { expect: staff(200) } },
  "instruction.dossiers.$id.tsx": {
    loader: { params: dossier, expect: staff(404, 200), guessed: 404 },
    actions: Object.fromEntries(
      (
        [
          ["assign", { assigneeId: "" }, 422],
          ["START_INSTRUCTION", {}, 400],
          ["REQUEST_CORRECTION", { revision: "0" }, 422],
          ["PROPOSE", { revision: "0" }, 422],
          ["schedule", { proposedAmount: "beaucoup" }, 422],
          ["CLOSE", {}, 400],
          ["REOPEN", {}, 400],
          ["completeness", {}, 400],
          ["note", { noteBody: "" }, 422],
          ["message", { body: "" }, 400],
        ] as const
      ).map(([intent, fields, status]) => [
        intent,
        { params: dossier, form: () => ({ ...fields }), expect: staff(404, status), guessed: 404 },
      ]),
    ),
  },
  "instruction.dossiers.$id.pieces.$attachmentId.ts": {
    loader: {
      params: (w) => ({ id: w.dossierId, attachmentId: w.attachmentId }),
      expect: staff(404, 200),
      guessed: 404,
    },
  },
  "instruction.dossiers.$id.documents.$document.ts": {
    loader: {
      params: (w) => ({ id: w.dossierId, document: "recepisse" }),
      expect: staff(404, 200),
      guessed: 404,
    },
  },
  "instruction.commission._index.tsx": {
    loader: { expect: staff(200) },
    action: { form: () => ({ intent: "create", date: "" }), expect: staff(400) },
  },
  "instruction.commission.$id.tsx": {
    loader: { params: (w) => ({ id: w.commissionSessionId }), expect: staff(200), guessed: 404 },
    actions: {
      // The filed dossier is not proposed: refused in scope, unknown outside it.
      add: {
        params: (w) => ({ id: w.commissionSessionId }),
        form: (w) => ({ dossierId: w.dossierId }),
        expect: staff(404, 409),
        guessed: 404,
      },
      // Not on the agenda: nothing to take off.
      remove: {
        params: (w) => ({ id: w.commissionSessionId }),
        form: (w) => ({ dossierId: w.dossierId }),
        expect: staff(404, "→/instruction/commission/"),
        guessed: 404,
      },
      // No decision chosen; the test posts complete decisions too, refused outside the scope (403).
      decide: { params: (w) => ({ id: w.commissionSessionId }), expect: staff(422), guessed: 404 },
    },
  },
  "instruction.commission.$id.ordre-du-jour[.pdf].ts": {
    loader: { params: (w) => ({ id: w.commissionSessionId }), expect: staff(200), guessed: 404 },
  },

  // The funders' community: funder members and Region staff.
  "financeurs.tsx": { loader: { expect: community(200) } },
  "financeurs._index.tsx": { loader: { expect: community(200) } },
  "financeurs.indicateurs.tsx": { loader: { expect: community(200) } },
  "financeurs.indicateurs.avances[.csv].ts": { loader: { expect: community(200) } },
  "financeurs.indicateurs.$serie[.csv].ts": {
    loader: { params: () => ({ serie: "etapes" }), expect: community(200), guessed: 404 },
  },
  "financeurs.dossiers.$id.tsx": {
    loader: { params: dossier, expect: community(200), guessed: 404 },
    action: {
      params: dossier,
      form: () => ({ intent: "comment", body: "" }),
      expect: community(422),
      guessed: 404,
    },
  },
  "financeurs.filtres.tsx": {
    loader: { expect: guarded({ funder: 200 }) },
    actions: {
      save: { form: () => ({ name: "" }), expect: guarded({ funder: 422 }) },
      // Another funder's filter: unknown to this one, left as it was.
      "toggle-digest": {
        form: (w) => ({ filterId: w.foreignFilterId, digest: "oui" }),
        expect: guarded({ funder: 404 }),
      },
      delete: { form: (w) => ({ filterId: w.foreignFilterId }), expect: guarded({ funder: 404 }) },
    },
  },
  "financeurs.revues._index.tsx": {
    loader: { expect: community(200) },
    action: { form: () => ({ intent: "create", title: "" }), expect: community(422) },
  },
  "financeurs.revues.$id.tsx": {
    loader: { params: (w) => ({ id: w.reviewId }), expect: community(200), guessed: 404 },
    actions: {
      items: {
        params: (w) => ({ id: w.reviewId }),
        form: () => ({ dossierId: "x" }),
        expect: community(422),
        guessed: 404,
      },
      invite: {
        params: (w) => ({ id: w.reviewId }),
        form: () => ({ funderOrganisationId: "x" }),
        expect: community(422),
        guessed: 404,
      },
      // Minutes wait for the review to be held.
      minutes: {
        params: (w) => ({ id: w.reviewId }),
        form: (w) => ({ [`minutes.${w.dossierId}`]: "Compte rendu." }),
        expect: community(409),
        guessed: 404,
      },
    },
  },
  "financeurs.revues.$id.ordre-du-jour[.pdf].ts": {
    loader: { params: (w) => ({ id: w.reviewId }), expect: community(200), guessed: 404 },
  },

  // Administration: admins only.
  "admin.tsx": { loader: { expect: adminOnly(200) } },
  "admin._index.tsx": { loader: { expect: adminOnly(200) } },
  "admin.journal.tsx": { loader: { expect: adminOnly(200) } },
  "admin.journal[.csv].ts": { loader: { expect: adminOnly(200) } },
  "admin.appels._index.tsx": { loader: { expect: adminOnly(200) } },
  "admin.appels.nouveau.tsx": { loader: { expect: adminOnly(200) }, action: { expect: adminOnly(400) } },
  "admin.appels.$id.tsx": {
    loader: { params: (w) => ({ id: w.callId }), expect: adminOnly(200), guessed: 404 },
    actions: {
      update: {
        params: (w) => ({ id: w.callId }),
        form: () => ({ title: "" }),
        expect: adminOnly(400),
        guessed: 404,
      },
      // The call has dossiers: it cannot be deleted.
      delete: { params: (w) => ({ id: w.callId }), expect: adminOnly(409), guessed: 404 },
    },
  },
  "admin.comptes._index.tsx": { loader: { expect: adminOnly(200) } },
  "admin.comptes.inviter.tsx": { loader: { expect: adminOnly(200) }, action: { expect: adminOnly(400) } },
  "admin.comptes.$id.tsx": {
    loader: { params: (w) => ({ id: w.memberId }), expect: adminOnly(200), guessed: 404 },
    actions: {
      scope: { params: (w) => ({ id: w.memberId }), expect: adminOnly(400), guessed: 404 },
      resend: { params: (w) => ({ id: w.memberId }), expect: adminOnly(409), guessed: 404 },
      deactivate: { params: (w) => ({ id: w.adminId }), expect: adminOnly(400), guessed: 404 },
      reactivate: { params: (w) => ({ id: w.memberId }), expect: adminOnly(409), guessed: 404 },
      // The member has no second factor to reset.
      "reset-second-factor": { params: (w) => ({ id: w.memberId }), expect: adminOnly(409), guessed: 404 },
    },
  },
  "admin.financeurs._index.tsx": {
    loader: { expect: adminOnly(200) },
    action: { form: () => ({ intent: "create", name: "" }), expect: adminOnly(400) },
  },
  "admin.financeurs.$id.tsx": {
    loader: { params: (w) => ({ id: w.funderOrganisationId }), expect: adminOnly(200), guessed: 404 },
    actions: {
      // Valid forms, so that a guessed organisation is looked up: the admin's calls succeed.
      update: {
        params: (w) => ({ id: w.funderOrganisationId }),
        form: (w) => w.funderOrganisationForm,
        expect: adminOnly("→/admin/financeurs/"),
        guessed: 404,
      },
      invite: {
        params: (w) => ({ id: w.funderOrganisationId }),
        form: () => ({ firstName: "Inès", lastName: "Matrice", email: "invitee-financeur@example.fr" }),
        expect: adminOnly("→/admin/financeurs/"),
        guessed: 404,
      },
      "remove-member": {
        params: (w) => ({ id: w.funderOrganisationId }),
        form: (w) => ({ userId: w.memberId }),
        expect: adminOnly(404),
        guessed: 404,
      },
    },
  },
  "admin.territoires._index.tsx": {
    loader: { expect: adminOnly(200) },
    action: { form: () => ({ intent: "create" }), expect: adminOnly(400) },
  },
  "admin.territoires.$id.tsx": {
    loader: { params: (w) => ({ id: w.territoryId }), expect: adminOnly(200), guessed: 404 },
    actions: {
      update: {
        params: (w) => ({ id: w.territoryId }),
        form: () => ({ name: "" }),
        expect: adminOnly(400),
        guessed: 404,
      },
      // Taken out of the choices, then put back: the admin's two calls leave the territory as it was.
      deactivate: {
        params: (w) => ({ id: w.territoryId }),
        expect: adminOnly("→/admin/territoires/"),
        guessed: 404,
      },
      reactivate: {
        params: (w) => ({ id: w.territoryId }),
        expect: adminOnly("→/admin/territoires/"),
        guessed: 404,
      },
    },
  },
  "admin.conservation.tsx": {
    loader: { expect: adminOnly(200) },
    action: { form: () => ({ intent: "settings", retentionMonths: "jamais" }), expect: adminOnly(400) },
  },
  "admin.dispositifs._index.tsx": { loader: { expect: adminOnly(200) } },
  "admin.dispositifs.$slug.tsx": {
    loader: { params: () => ({ slug: "cap-asso" }), expect: adminOnly(200), guessed: 404 },
    // The admin's call prepares a draft of the next version (nothing is in force before publication).
    action: {
      params: () => ({ slug: "cap-asso" }),
      form: () => ({ intent: "create-draft" }),
      expect: adminOnly("→/admin/dispositifs/cap-asso/versions/"),
      guessed: 404,
    },
  },
  "admin.dispositifs.$slug.versions.$version.tsx": {
    loader: { params: () => ({ slug: "cap-asso", version: "1" }), expect: adminOnly(200), guessed: 404 },
    // Version 1 is published: it never changes.
    actions: Object.fromEntries(
      ["save", "publish", "delete"].map((intent) => [
        intent,
        { params: () => ({ slug: "cap-asso", version: "1" }), expect: adminOnly(409), guessed: 404 },
      ]),
    ),
  },
  // ── post-grant: agreement ──
  // The granted dossier's agreement is accepted by both sides: authorised people get the page, and their
  // empty form is refused before anything is written; a plain member may not accept for the organisation.
  "dossiers.$id.convention.tsx": {
    loader: { params: granted, expect: applicants(404, 200), guessed: 404 },
    actions: {
      online: {
        params: granted,
        form: () => ({ signatoryName: "" }),
        expect: applicants(404, 403, 422),
        guessed: 404,
      },
      paper: {
        params: granted,
        form: () => ({ paperName: "" }),
        expect: applicants(404, 403, 422),
        guessed: 404,
      },
    },
  },

  // ── post-grant: reports, recoveries and settlement ──
  // Year 1's report of the granted dossier is sent: the association reads it and its PDF; a form that is not
  // the page's (multipart, with pieces) is refused once the guard let it through; the instructor's forms are
  // refused for what they hold. Nothing is to recover yet; the dossier cannot be settled while its balance
  // is requested.
  "dossiers.$id.comptes-rendus.$period.tsx": {
    loader: { params: report, expect: applicants(404, 200), guessed: 404 },
    action: { params: report, expect: applicants(404, 400), guessed: 404 },
  },
  "dossiers.$id.comptes-rendus.$period.pdf.ts": {
    loader: { params: report, expect: applicants(404, 200), guessed: 404 },
  },
  "instruction.dossiers.$id_.comptes-rendus.$period.tsx": {
    loader: { params: report, expect: staff(404, 200), guessed: 404 },
    actions: {
      APPROVE: {
        params: report,
        form: () => ({ retainedAmount: "beaucoup" }),
        expect: staff(404, 422),
        guessed: 404,
      },
      ASK_CORRECTION: {
        params: report,
        form: () => ({ reason: "" }),
        expect: staff(404, 422),
        guessed: 404,
      },
    },
  },
  "instruction.dossiers.$id_.convention.tsx": {
    loader: { params: granted, expect: staff(404, 200), guessed: 404 },
    actions: {
      online: { params: granted, form: () => ({ signatoryName: "" }), expect: staff(404, 422), guessed: 404 },
      paper: { params: granted, form: () => ({ paperName: "" }), expect: staff(404, 422), guessed: 404 },
    },
  },

  // ── post-grant: payments ──
  // Payment 2 of the granted dossier (year 1's balance) is requested: the association reads it (its form is
  // multipart: a plain one is refused once the guard let it through); the instructor may not approve the
  // balance before the report is approved, and an admin does not approve payments.
  // Every move of a page goes through the same guard and service: one intent of each is checked.
  "dossiers.$id.versements.$position.tsx": {
    loader: { params: payment, expect: applicants(404, 200), guessed: 404 },
    action: {
      params: payment,
      form: () => ({ intent: "REQUEST" }),
      expect: applicants(404, 400),
      guessed: 404,
    },
  },
  // `$id_`: the page is not nested in the dossier's page (the URL's `id` is given under both names).
  "instruction.dossiers.$id_.versements.$position.tsx": {
    loader: { params: staffPayment, expect: staff(404, 200), guessed: 404 },
    action: {
      params: staffPayment,
      form: () => ({ intent: "APPROVE" }),
      expect: staff(404, 409, 403),
      guessed: 404,
    },
  },
  "instruction.versements.tsx": { loader: { expect: staff(200) } },
  "instruction.versements[.csv].ts": { loader: { expect: staff(200) } },
  "instruction.dossiers.$id_.comptes-rendus.$period.pdf.ts": {
    loader: { params: report, expect: staff(404, 200), guessed: 404 },
  },
  "instruction.dossiers.$id_.reversements.tsx": {
    loader: { params: granted, expect: staff(404, 200), guessed: 404 },
    actions: {
      issue: { params: granted, form: () => ({ amount: "beaucoup" }), expect: staff(404, 422), guessed: 404 },
      settle: { params: granted, form: () => ({ settledOn: "hier" }), expect: staff(404, 422), guessed: 404 },
    },
  },
  "instruction.dossiers.$id_.solde.tsx": {
    loader: { params: granted, expect: staff(404, 200), guessed: 404 },
    // A balance still requested: the dossier cannot be settled yet.
    actions: { SETTLE: { params: granted, expect: staff(404, 409), guessed: 404 } },
  },
  // ── post-grant: the equity advance's repayments ──
  // The matrix's dossier is filed, not an advance paid: the pages and their forms are 404 to everyone (the
  // forms are guarded before the body is read).
  "dossiers.$id.remboursements.tsx": {
    loader: { params: dossier, expect: applicants(404, 404), guessed: 404 },
    actions: {
      early: { params: dossier, form: () => ({ amount: "" }), expect: applicants(404, 404), guessed: 404 },
      reschedule: {
        params: dossier,
        form: () => ({ reason: "" }),
        expect: applicants(404, 404),
        guessed: 404,
      },
    },
  },
  "instruction.dossiers.$id_.remboursements.tsx": {
    loader: { params: dossier, expect: staff(404, 404), guessed: 404 },
    actions: {
      repayment: { params: dossier, form: () => ({ amount: "" }), expect: staff(404, 404), guessed: 404 },
      grant: {
        params: dossier,
        form: () => ({ reschedulingId: "x" }),
        expect: staff(404, 404),
        guessed: 404,
      },
      refuse: { params: dossier, form: () => ({ note: "" }), expect: staff(404, 404), guessed: 404 },
    },
  },
  // ── post-grant: follow-up queue, funders' figures ──
  "instruction.suivi.tsx": { loader: { expect: staff(200) } },
  "instruction.suivi[.csv].ts": { loader: { expect: staff(200) } },
};
