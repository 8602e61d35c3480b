// The application's attachment storage, created once per process from the environment.
import { createStorage, type FileStorage } from "~/services/platform/storage.server";

declare global {
  // Survives module reloads in development.
  var __storage: FileStorage | undefined;
}

export function storage(): FileStorage {
  globalThis.__storage ??= createStorage();
  return globalThis.__storage;
}
