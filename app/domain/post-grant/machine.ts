// A small state machine, as data: each move says from which statuses it starts, where it leads, who may make
// it and whether it must say why. The payment and report machines are declared with it; the services make
// moves only through `checkMove` under a row lock, so a refused move changes nothing.
import type { UserRole } from "~/generated/prisma/enums";

export interface Move<Status extends string> {
  /** The button's label, and the action's name in refusals. */
  label: string;
  from: readonly Status[];
  to: Status;
  roles: readonly UserRole[];
  /** The reason is written in the timeline and sent to the association. */
  reasonRequired?: boolean;
  /** Who is emailed, in the transaction that makes the move (outbox). */
  notifies: readonly ("APPLICANT" | "ASSIGNEE")[];
  /** What happens, in French, shown with the action's form. */
  effects: string;
}

export type MoveCheck<Status> = { ok: true; to: Status } | { ok: false; error: string };

/** Whether `role` may make `move` from `status`; a French refusal otherwise. */
export function checkMove<Status extends string>(
  moves: Record<string, Move<Status>>,
  phrases: Record<Status, string>,
  request: { status: Status; move: string; role: UserRole; reason?: string | null },
): MoveCheck<Status> {
  const move = Object.hasOwn(moves, request.move) ? moves[request.move] : undefined;
  if (!move) return { ok: false, error: "Action inconnue." };
  const action = move.label.charAt(0).toLowerCase() + move.label.slice(1);
  if (!move.roles.includes(request.role)) {
    return { ok: false, error: `Vous ne pouvez pas «\u00a0${action}\u00a0»\u202f: action réservée.` };
  }
  if (!move.from.includes(request.status)) {
    return { ok: false, error: `Impossible de «\u00a0${action}\u00a0» pour ${phrases[request.status]}.` };
  }
  if (move.reasonRequired && !request.reason?.trim()) {
    return { ok: false, error: "Indiquez le motif\u202f: il figure dans l’historique du dossier." };
  }
  return { ok: true, to: move.to };
}

/** The moves a role may make from a status, for the buttons a page offers. */
export function availableMoves<Status extends string, Name extends string>(
  moves: Record<Name, Move<Status>>,
  status: Status,
  role: UserRole,
): Name[] {
  return (Object.keys(moves) as Name[]).filter(
    (name) => moves[name].from.includes(status) && moves[name].roles.includes(role),
  );
}
