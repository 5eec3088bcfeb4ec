// `style.bold.<role>: true`: the family's bold weight where there is one (bundled or
// installed), else the face drawn with stroke plus fill (text render mode 2), as Word does.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cli, cliProcess } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { makeTtf, SERIF } from './make-font.js';
import { bodyChars, example, makeOffice, type Office } from './office.js';
import { textShows, type Show } from './pdf-ops.js';
import { withoutWarnings } from '../helpers/warnings.js';

const require = createRequire(import.meta.url);
const SERIF_BOLD = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');

const STYLE = `fonts:
  lead: [仿宋_YB, Noto Serif SC]
bold:
  lead: true
`;

let office: Office;
let shows: Show[];
let pdfBytes: Buffer;

beforeAll(async () => {
  office = makeOffice(STYLE);
  const out = join(office.dir, 'bold.pdf');
  const r = await cli(['build', EXAMPLE, '--style', office.style, '-o', out], { env: office.env });
  expect(withoutWarnings(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  pdfBytes = readFileSync(out);
  shows = textShows(pdfBytes);
});

describe('fake bold', () => {
  it('strokes and fills the face that has no bold weight', () => {
    const fs = shows.filter((s) => s.font === 'YBFangSong-Regular');
    expect(fs.length).toBeGreaterThan(5);
    for (const s of fs) {
      expect(s.mode).toBe(2);
      expect(s.lineWidth).toBeCloseTo(16 * 0.03, 3);
    }
  });

  it('takes the bundled bold weight for the fallback face instead of faking it', () => {
    const bold = shows.filter((s) => s.font === 'NotoSerifSC-Bold');
    expect(bold.length).toBeGreaterThan(0);
    for (const s of bold) expect(s.mode).toBe(0);
  });

  it('leaves the other roles plain', () => {
    const body = shows.filter((s) => s.font === 'NotoSerifSC-Regular');
    expect(body.length).toBeGreaterThan(20);
    for (const s of body) expect(s.mode).toBe(0);
  });

  it('keeps the lead titles readable text', async () => {
    const text = squash((await readPdf(pdfBytes)).text);
    for (const s of example.sections) for (const it of s.items) if (it.title) expect(text).toContain(it.title);
  });

  it('`fonts --style` shows which faces are faked and which are real bold', async () => {
    const r = await cli(['fonts', '--style', office.style], { env: office.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lead:\n {2}1\. YBFangSong-Regular .*yb-fangsong\.ttf {2}\(system, fake bold\)\n {2}2\. NotoSerifSC-Bold .*\(bundled\)\n/);
  });

  it('uses an installed family\'s own bold weight when it has one', async () => {
    const fonts = join(office.home, '.fonts');
    mkdirSync(fonts, { recursive: true });
    writeFileSync(join(fonts, 'ybsong.ttf'), makeTtf(SERIF, bodyChars, { family: 'YB Song', postscript: 'YBSong-Regular' }));
    writeFileSync(join(fonts, 'ybsong-bold.ttf'), makeTtf(SERIF_BOLD, bodyChars, { family: 'YB Song', style: 'Bold', postscript: 'YBSong-Bold', weight: 700 }));
    const style = join(office.dir, 'song.yaml');
    writeFileSync(style, 'fonts:\n  body: YB Song\nbold:\n  body: true\n');
    // A process of its own: a running program indexes a font folder once, and this one has just changed.
    const r = cliProcess(['fonts', '--style', style], { env: office.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/body:\n {2}1\. YBSong-Bold .*ybsong-bold\.ttf {2}\(system\)\n/);
  });
});
