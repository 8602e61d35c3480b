// Every (status, transition, role) of the dossier's life cycle, allowed or refused, against the life cycle
// DOMAIN.md describes, written out here independently of the implementation's table.
import { describe, expect, it } from "vitest";

import {
  availableTransitions,
  checkTransition,
  TRANSITION_NAMES,
  TRANSITIONS,
  type Transition,
} from "~/domain/dossier-workflow";
import { DocumentKind, DossierStatus, UserRole } from "~/generated/prisma/enums";

const { DRAFT, FILED, UNDER_INSTRUCTION, CORRECTION_REQUESTED, PROPOSED, GRANTED, REFUSED, CLOSED, SETTLED } =
  DossierStatus;
const { APPLICANT, INSTRUCTOR, ADMIN } = UserRole;

/** The allowed moves: [transition, from, role, to]. Everything else is refused. */
const ALLOWED: Array<[Transition, DossierStatus, UserRole, DossierStatus]> = [
  ["FILE", DRAFT, APPLICANT, FILED],
  ["START_INSTRUCTION", FILED, INSTRUCTOR, UNDER_INSTRUCTION],
  ["REQUEST_CORRECTION", UNDER_INSTRUCTION, INSTRUCTOR, CORRECTION_REQUESTED],
  ["RESUBMIT", CORRECTION_REQUESTED, APPLICANT, UNDER_INSTRUCTION],
  ["PROPOSE", UNDER_INSTRUCTION, INSTRUCTOR, PROPOSED],
  ["GRANT", PROPOSED, INSTRUCTOR, GRANTED],
  ["GRANT", PROPOSED, ADMIN, GRANTED],
  ["REFUSE", PROPOSED, INSTRUCTOR, REFUSED],
  ["REFUSE", PROPOSED, ADMIN, REFUSED],
  ["CLOSE", FILED, INSTRUCTOR, CLOSED],
  ["CLOSE", UNDER_INSTRUCTION, INSTRUCTOR, CLOSED],
  ["CLOSE", CORRECTION_REQUESTED, INSTRUCTOR, CLOSED],
  ["CLOSE", PROPOSED, INSTRUCTOR, CLOSED],
  ["REOPEN", CLOSED, ADMIN, UNDER_INSTRUCTION],
  ["SETTLE", GRANTED, INSTRUCTOR, SETTLED],
];

const cases = Object.values(DossierStatus).flatMap((status) =>
  TRANSITION_NAMES.flatMap((transition) =>
    Object.values(UserRole).map((role) => {
      const allowed = ALLOWED.find(
        ([name, from, who]) => name === transition && from === status && who === role,
      );
      return { status, transition, role, to: allowed?.[3] ?? null };
    }),
  ),
);

describe("checkTransition", () => {
  it("covers every status, transition and role", () => {
    expect(cases).toHaveLength(9 * 10 * 4);
  });

  it.each(cases)("$transition from $status by $role → $to", ({ status, transition, role, to }) => {
    const result = checkTransition({ status, transition, role, reason: "Motif indiqué" });
    if (to) {
      expect(result).toEqual({ ok: true, to });
    } else {
      expect(result.ok).toBe(false);
      // Refusals are French sentences, never codes.
      expect(!result.ok && result.error).toMatch(/^(Vous ne pouvez pas|Impossible de) « [a-zà-ÿ’ -]+ »/);
    }
  });

  it.each(["REQUEST_CORRECTION", "PROPOSE", "REFUSE", "CLOSE"] as const)(
    "%s needs a reason",
    (transition) => {
      const [, from, role] = ALLOWED.find(([name]) => name === transition)!;
      for (const reason of [undefined, "", "   "]) {
        expect(checkTransition({ status: from, transition, role, reason })).toEqual({
          ok: false,
          error: "Indiquez le motif : il figure dans l’historique du dossier.",
        });
      }
    },
  );

  it("says why an applicant cannot refile a dossier under instruction", () => {
    expect(checkTransition({ status: UNDER_INSTRUCTION, transition: "FILE", role: APPLICANT })).toEqual({
      ok: false,
      error: "Impossible de « déposer le dossier » pour un dossier en instruction.",
    });
  });
});

describe("availableTransitions", () => {
  it("offers an instructor what an open dossier under instruction allows", () => {
    expect(availableTransitions(UNDER_INSTRUCTION, INSTRUCTOR)).toEqual([
      "REQUEST_CORRECTION",
      "PROPOSE",
      "CLOSE",
    ]);
  });

  it("offers nothing on a refused or settled dossier, whoever asks; a granted one only to be settled", () => {
    for (const role of Object.values(UserRole)) {
      expect(availableTransitions(GRANTED, role)).toEqual(role === INSTRUCTOR ? ["SETTLE"] : []);
      expect(availableTransitions(REFUSED, role)).toEqual([]);
      expect(availableTransitions(SETTLED, role)).toEqual([]);
    }
  });
});

describe("side effects of each transition", () => {
  it("tells the applicant of every move the Region makes, and the referent instructor of the applicant's answer", () => {
    for (const name of TRANSITION_NAMES) {
      const transition = TRANSITIONS[name];
      const byRegion = !(transition.roles as readonly UserRole[]).includes(APPLICANT);
      // The proposal is the Region's internal step: the applicant learns the outcome from the Commission.
      if (byRegion && name !== "PROPOSE") expect(transition.notifies, name).toContain("APPLICANT");
    }
    expect(TRANSITIONS.RESUBMIT.notifies).toEqual(["ASSIGNEE"]);
    expect(TRANSITIONS.PROPOSE.notifies).toEqual([]);
  });

  it("issues the decision letter on both decisions, and the agreement and schedule only on a grant", () => {
    expect(TRANSITIONS.GRANT.documents).toEqual(
      expect.arrayContaining([DocumentKind.DECISION_LETTER, DocumentKind.AGREEMENT]),
    );
    expect(TRANSITIONS.REFUSE.documents).toEqual([DocumentKind.DECISION_LETTER]);
    expect(TRANSITIONS.PROPOSE.documents).toEqual([DocumentKind.INSTRUCTOR_REPORT]);
    expect(TRANSITIONS.FILE.documents).toEqual([DocumentKind.FILING_RECEIPT]);
  });
});
