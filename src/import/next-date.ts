// The next issue's date, guessed from the rhythm of the last ones (`new --from`): the
// usual interval between the issues in the folder (a week when there is only one), so
// a weekly bulletin lands on the same weekday. Said in words, to be checked.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const toIso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

export interface DateGuess {
  date: string;
  /** What the guess is, for the clerk: "7 days after issue 41 (2023-10-09), …". */
  why: string;
}

/** Issue number and date of every issue file beside `file` (its own included), by number. */
export function issuesBeside(file: string): Array<{ issue: number; date: string }> {
  const dir = dirname(file);
  const out: Array<{ issue: number; date: string }> = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const m = (parse(readFileSync(join(dir, n), 'utf8')) as { masthead?: { issue?: unknown; date?: unknown } })?.masthead;
      if (typeof m?.issue === 'number' && typeof m.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.date)) out.push({ issue: m.issue, date: m.date });
    } catch {
      /* not an issue file, or not one that reads: it says nothing of the rhythm */
    }
  }
  return out.sort((a, b) => a.issue - b.issue);
}

/**
 * The date after `last`: its date plus the most common interval between the recent
 * issues (the latest on a tie; 7 days without any), moved on by whole intervals until
 * it is not before today.
 */
export function guessNextDate(last: { issue: number; date: string }, earlier: Array<{ issue: number; date: string }>, today: string): DateGuess {
  const recent = [...earlier.filter((e) => e.issue < last.issue).slice(-6), last];
  const gaps: number[] = [];
  for (let i = 1; i < recent.length; i++) {
    const g = toDays(recent[i].date) - toDays(recent[i - 1].date);
    if (g > 0) gaps.push(g);
  }
  const counts = new Map<number, number>();
  for (const g of gaps) counts.set(g, (counts.get(g) ?? 0) + 1);
  let interval = 7;
  let best = 0;
  for (const g of gaps) if ((counts.get(g) ?? 0) >= best) [interval, best] = [g, counts.get(g)!];
  let days = toDays(last.date) + interval;
  while (days < toDays(today)) days += interval;
  const date = toIso(days);
  const steps = Math.round((days - toDays(last.date)) / interval);
  const weekday = WEEKDAYS[new Date(days * DAY).getUTCDay()];
  const rhythm = gaps.length ? `the usual interval of the issues beside it` : 'a week, as there is no earlier issue beside it to show the rhythm';
  const sameDay = interval % 7 === 0 ? `, a ${weekday} like it` : `, a ${weekday}`;
  const after = steps === 1 ? `${interval} days after` : `${steps} × ${interval} days after`;
  return { date, why: `${after} issue ${last.issue} (${last.date}): ${rhythm}${sameDay}` };
}
