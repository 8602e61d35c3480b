// The URL-friendly names of the schemes, as the API, the pages and the filters' query strings use them.
import type { SchemeCode } from "~/generated/prisma/enums";

export const SCHEME_SLUGS = {
  CAP_ASSO: "cap-asso",
  A_VOS_ID: "a-vos-id",
  CAP_SCOP_SCIC: "cap-scop-scic",
  EQUITY_ADVANCE: "avance-fonds-propres",
} as const satisfies Record<SchemeCode, string>;
export type SchemeSlug = (typeof SCHEME_SLUGS)[SchemeCode];

export function schemeCodeOfSlug(slug: string): SchemeCode | null {
  const entry = Object.entries(SCHEME_SLUGS).find(([, value]) => value === slug);
  return entry ? (entry[0] as SchemeCode) : null;
}
