// Everything the measures need before the load: the bench database with the reference data, the template
// drafts, the volume, the drafts to file, fresh planner statistics, and signed-in sessions.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parisYear } from "~/domain/paris-time";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedReference } from "../../seeds/reference";
import { cookieOf } from "../support/routes";

import { createBenchDatabase, type BenchDatabase } from "./database";
import { cloneDrafts, createTemplates, type Templates } from "./templates";
import { seedVolume, type Volume } from "./volume";

/** The secret the app server signs cookies with: the bench signs its sessions with the same one. */
export const SESSION_SECRET = "bench-session-secret-not-for-production";

export interface Prepared {
  database: BenchDatabase;
  /** Where the templates' pieces are: the app server is given it as STORAGE_DIR. */
  storageDir: string;
  templates: Templates;
  volume: Volume;
  draftIds: string[];
  /** Dossier ids the dossier view cycles over: filed, in every status. */
  viewIds: string[];
  cookies: { instructor: string; funder: string; applicant: string };
  seedSeconds: number;
}

export async function prepare(options: { dossiers: number; drafts: number }): Promise<Prepared> {
  const started = performance.now();
  const database = await createBenchDatabase();
  try {
    const { db } = database;
    const storageDir = await mkdtemp(path.join(tmpdir(), "portail-bench-files-"));
    await seedReference(db);
    const templates = await createTemplates(db, new LocalFileStorage(storageDir));
    const volume: Volume = {
      dossiers: options.dossiers,
      organisations: 500,
      instructors: 30,
      funderMembers: 40,
      year: parisYear(new Date()),
    };
    await seedVolume(database, volume, templates);
    const draftIds = await cloneDrafts(database, templates, options.drafts);
    // Autovacuum would do this within a minute of such a load; the planner needs it to choose well.
    await database.exec("VACUUM ANALYZE");

    const viewIds = (
      await database.query<{ id: string }>(
        `SELECT id FROM "Dossier" WHERE id LIKE 'bench_d%' AND status <> 'DRAFT' ORDER BY md5(id) LIMIT 1000`,
      )
    ).map((row) => row.id);

    // cookieOf imports the app's session module, which binds the database in globalThis.__database.
    process.env.SESSION_SECRET = SESSION_SECRET;
    globalThis.__database = { db, kind: database.kind, close: async () => undefined };
    const cookies = {
      // Instructor 1 has the whole region and every scheme in scope: the longest queue.
      instructor: await cookieOf(db, "bench_u_i1"),
      funder: await cookieOf(db, "bench_u_f1"),
      applicant: await cookieOf(db, templates.applicantId),
    };
    return {
      database,
      storageDir,
      templates,
      volume,
      draftIds,
      viewIds,
      cookies,
      seedSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
