// Loads @prisma/schema-engine-wasm in plain Node.
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 only
// supports behind --experimental-wasm-modules, so we wire the wasm-bindgen glue to the module by hand.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

let loaded;

/** Instantiates the wasm module once and returns the glue module (SchemaEngine, version). */
export function loadWasm() {
  loaded ??= (async () => {
    // The glue reports Rust panics here before throwing a bare `RuntimeError: unreachable`.
    globalThis.PRISMA_WASM_PANIC_REGISTRY = {
      message: "",
      set_message(message) {
        this.message = `RuntimeError: ${message}`;
      },
    };
    const url = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(fileURLToPath(url)), {
      "./schema_engine_bg.js": glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return loaded;
}

/**
 * Turns an error thrown by the wasm engine into the JSON-RPC `error` object the native engine sends,
 * which the CLI turns into its usual messages (`P3005 ...`, "Error in Schema engine", ...).
 * `adapterErrors` is the registry of the bound adapter factory: JS exceptions thrown inside an adapter
 * reach the engine only as `GenericJs { id }`.
 */
export function toRpcError(error, adapterErrors) {
  const rpcError = (data) => ({
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data,
  });
  if (error instanceof WebAssembly.RuntimeError) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || String(error);
    return rpcError({ is_panic: true, message, error: { message }, backtrace: error.stack });
  }
  // Put the adapter's own error (e.g. ENOENT, ECONNREFUSED) in place of its placeholder.
  const message = (error?.message ?? String(error)).replace(/External error id#(\d+)/, (placeholder, id) => {
    const original = adapterErrors?.consumeError(Number(id))?.error;
    return original ? String(original.stack ?? original) : placeholder;
  });
  if (error?.code)
    return rpcError({ is_panic: false, error_code: error.code, message, meta: error.meta ?? {} });
  return rpcError({ is_panic: false, message });
}
