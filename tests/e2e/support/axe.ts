import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

import { keepHtml } from "./html-validity";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One line per failing element, so a failure says what to fix and where without opening a report. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      return `[${violation.impact ?? "?"}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/**
 * The page as it is now passes axe's WCAG 2.1 A and AA rules, and reads without scrolling sideways on a
 * phone (390 px) and a laptop (1280 px): every page the suite visits is checked at both widths. The page is
 * kept for the Nu Html Checker, which the global teardown runs over all of them.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe.run in the page itself. The default mode finishes each analysis in a new blank tab,
  // for cross-origin frames the portal does not have, and costs twice as long (~0.8 s more per check).
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).setLegacyMode().analyze();
  expect(
    violations,
    `Violations d'accessibilité sur ${page.url()} :\n\n${formatViolations(violations)}`,
  ).toEqual([]);
  await expectNoHorizontalOverflow(page);
  await keepHtml(page);
}

export const LAYOUT_WIDTHS = [390, 1280] as const;

/** At each width, the page is no wider than the window, and no two cards of the funders' board overlap. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  try {
    for (const width of LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height: before.height });
      const layout = await page.evaluate(() => {
        const root = document.documentElement;
        const cards = [...document.querySelectorAll(".pipeline-card")].map((card) => {
          const box = card.getBoundingClientRect();
          const column = card.closest(".pipeline-stage")?.getBoundingClientRect() ?? box;
          const name = card.querySelector("h4")?.textContent ?? "";
          return {
            name,
            box: { l: box.left, r: box.right, t: box.top, b: box.bottom },
            columnRight: column.right,
          };
        });
        const problems: string[] = [];
        cards.forEach((card, index) => {
          if (card.box.r > card.columnRight + 1) problems.push(`« ${card.name} » dépasse de sa colonne`);
          for (const other of cards.slice(index + 1)) {
            const apart =
              card.box.r <= other.box.l + 1 ||
              other.box.r <= card.box.l + 1 ||
              card.box.b <= other.box.t + 1 ||
              other.box.b <= card.box.t + 1;
            if (!apart) problems.push(`« ${card.name} » chevauche « ${other.name} »`);
          }
        });
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, problems };
      });
      expect(
        layout.scrollWidth,
        `${page.url()} défile horizontalement à ${width} px (page de ${layout.scrollWidth} px)`,
      ).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.problems, `Cartes du tableau à ${width} px sur ${page.url()}`).toEqual([]);
    }
  } finally {
    await page.setViewportSize(before);
  }
}
