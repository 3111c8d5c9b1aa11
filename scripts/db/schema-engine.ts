/**
 * Prisma's official WebAssembly schema engine (npm `@prisma/schema-engine-wasm`), driven through
 * the `pg` driver adapter. It replaces the native schema-engine binary that `prisma migrate`
 * would download — these machines (and many government networks) cannot reach that host.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

type Engine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;
let loaded: Promise<void> | undefined;

/** Instantiates the .wasm module once (Node 20 cannot `import` .wasm files without a flag). */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export type SchemaFile = { path: string; content: string };

/** Runs `fn` with an engine connected to `url` (or to no database when url is null). */
export async function withSchemaEngine<T>(url: string | null, datamodels: SchemaFile[], fn: (engine: Engine) => Promise<T>): Promise<T> {
  await loadWasm();
  const factory = bindMigrationAwareSqlAdapterFactory(
    wholeScripts(new PrismaPg({ connectionString: url ?? 'postgresql://127.0.0.1:1/none' })),
  );
  const engine = await bindings.SchemaEngine.new(
    { datamodels: datamodels.map((f) => [f.path, f.content] as [string, string]) },
    () => {},
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/**
 * The pg adapter's executeScript splits a script on every ';', which breaks dollar-quoted
 * function bodies. Sending the script whole uses PostgreSQL's multi-statement simple query,
 * which also runs a migration as one implicit transaction: a failure leaves nothing behind.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  type Conn = Awaited<ReturnType<PrismaPg['connect']>>;
  const patch = (adapter: Conn): Conn => {
    adapter.executeScript = async (script: string) => {
      const client = adapter.underlyingDriver() as { query: (sql: string) => Promise<unknown> };
      try {
        await client.query(script);
      } catch (error) {
        // The adapter's own mapping turns a pg error into one the engine reports with its message.
        (adapter as unknown as { onError: (e: unknown) => never }).onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const shadow = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await shadow());
  return factory;
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
