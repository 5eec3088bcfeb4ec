// YANJIN_BULLETIN_TIMINGS=1: when each stage of a build ended, in milliseconds since the
// process started, printed to stderr at exit. For finding where the time goes.
const on = !!process.env.YANJIN_BULLETIN_TIMINGS;
const marks: Array<[string, number]> = [];

export function mark(label: string): void {
  if (!on) return;
  if (!marks.length) process.once('exit', () => process.stderr.write(`timings: ${marks.map(([l, t]) => `${l} ${t.toFixed(1)}`).join(', ')}, exit ${performance.now().toFixed(1)}\n`));
  marks.push([label, performance.now()]);
}
