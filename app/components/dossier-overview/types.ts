import type { ActionResult } from "~/domain/forms";

/** What the dossier page's action answers when a form is refused (`body`, `attachments` or `form` errors). */
export type OverviewActionResult = ActionResult<{ body?: string }, string> & { hadFiles?: boolean };
