// Every page the suite checks for accessibility is also kept as HTML twice — as the server sent it and as
// the browser holds it after hydration — and the Nu Html Checker (vnu, the W3C's validator, run from
// node_modules on the machine's Java) reads them all once the suite has run: any error fails the run.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import type { Page } from "@playwright/test";

export const HTML_DIR = path.resolve(import.meta.dirname, "../../../data/e2e-html");
const MANIFEST = path.join(HTML_DIR, "pages.tsv");

/** Pages whose address holds a single-use secret: fetching them again would say « lien expiré ». */
const SINGLE_USE = /^\/(invitations|reinitialiser-mot-de-passe|activer-mon-compte|verifier-email)\//;

export async function resetHtmlArchive(): Promise<void> {
  await rm(HTML_DIR, { recursive: true, force: true });
  await mkdir(HTML_DIR, { recursive: true });
}

/** Keeps the page as it is now in the browser, and as the server sends it to a new GET with the same cookies. */
export async function keepHtml(page: Page): Promise<void> {
  const address = page.url();
  const url = new URL(address);
  const name = createHash("sha256")
    .update(`${address} ${Date.now()} ${Math.random()}`)
    .digest("hex")
    .slice(0, 16);
  await mkdir(HTML_DIR, { recursive: true });
  const files: string[] = [];
  await writeFile(path.join(HTML_DIR, `${name}-navigateur.html`), await page.content());
  files.push(`${name}-navigateur.html`);
  if (!SINGLE_USE.test(url.pathname)) {
    const sent = await page.request.get(address, { maxRedirects: 0 });
    if (sent.status() === 200 && (sent.headers()["content-type"] ?? "").startsWith("text/html")) {
      await writeFile(path.join(HTML_DIR, `${name}-serveur.html`), await sent.body());
      files.push(`${name}-serveur.html`);
    }
  }
  await appendFile(MANIFEST, files.map((file) => `${file}\t${url.pathname}${url.search}\n`).join(""));
}

interface VnuMessage {
  type: string;
  url?: string;
  message?: string;
  extract?: string;
  lastLine?: number;
}

/** Runs vnu over every page kept; resolves to one French line per error (empty when all is valid). */
export async function htmlErrors(): Promise<string[]> {
  let manifest = "";
  try {
    manifest = await readFile(MANIFEST, "utf8");
  } catch {
    return [];
  }
  const pages = new Map(
    manifest
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t") as [string, string]),
  );
  // vnu-jar's main export is the path of the jar it ships (no download at install).
  const jar = String(createRequire(import.meta.url)("vnu-jar"));
  const run = promisify(execFile);
  let output: string;
  try {
    const result = await run(
      "java",
      ["-Xss4m", "-jar", jar, "--errors-only", "--format", "json", ...[...pages.keys()]],
      { cwd: HTML_DIR, maxBuffer: 64 * 1024 * 1024 },
    );
    output = result.stderr || result.stdout;
  } catch (error) {
    // vnu exits 1 when it finds errors, and prints its JSON report on stderr.
    const failed = error as { stderr?: string; stdout?: string; message: string };
    output = failed.stderr || failed.stdout || "";
    if (!output.trim().startsWith("{"))
      throw new Error(`Le validateur HTML n’a pas pu être lancé : ${failed.message}`);
  }
  const report = JSON.parse(output) as { messages: VnuMessage[] };
  return report.messages
    .filter((message) => message.type === "error" || message.type === "non-document-error")
    .map((message) => {
      const file = path.basename(decodeURIComponent(message.url ?? ""));
      const where = pages.get(file) ?? file;
      const side = file.endsWith("-serveur.html") ? "tel qu’envoyé" : "après hydratation";
      return `${where} (${side}, ligne ${message.lastLine ?? "?"}) : ${message.message ?? ""}${message.extract ? `\n    ${message.extract.replace(/\n/g, " ")}` : ""}`;
    });
}
