// Text as the queue searches it: what people type rarely has the accents, the capitals or the apostrophe of
// the name as it was registered (« jardins partages », « Valencay », « l'Orléanais » with a straight one).
// The database keeps the same normalisation of names and titles in generated columns (migration
// 20261207030000_search_text): both sides must agree, so the characters folded here are those it folds.
// A SIRET typed with spaces is read by siretDigits (app/domain/instruction-queue.ts).

/** Accented capitals and small letters, the ligatures' capitals, the other apostrophes and no-break spaces. */
const FOLDED = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝŸýÿŒÆ’‘ʼ\u00a0\u202f";
const INTO = "aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooouuuuuuuuyyyyœæ'''  ";
const FOLD = new Map([...FOLDED].map((character, index) => [character, INTO[index]!]));

/** « Partagés de l’Orléanais » → « partages de l'orleanais »: lower case, no accents, one apostrophe, single spaces. */
export function searchText(value: string): string {
  return [...value]
    .map((character) => FOLD.get(character) ?? character)
    .join("")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
