// import() of an ESM-only dependency (pdf.js). The bundled program runs from V8's code
// cache as a vm.Script, which has no import() of its own, so the launcher lends its own
// (bin.ts); run unbundled, a plain import() does.
type Importer = (spec: string) => Promise<unknown>;
const HOOK = Symbol.for('yanjin-bulletin.import');

export function importEsm<T>(spec: string): Promise<T> {
  const lent = (globalThis as unknown as Record<symbol, Importer | undefined>)[HOOK];
  return (lent ? lent(spec) : import(spec)) as Promise<T>;
}

export function lendImport(importer: Importer): void {
  (globalThis as unknown as Record<symbol, Importer>)[HOOK] = importer;
}
