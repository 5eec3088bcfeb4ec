// An issue read from standard input (`build -`) and a PDF written to standard output
// (`-o -`), so the command can sit in a pipe.

/** The name an issue read from standard input goes by in messages. */
export const STDIN_NAME = '<stdin>';

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((done, fail) => process.stdout.write(bytes, (e) => (e ? fail(e) : done())));
}
