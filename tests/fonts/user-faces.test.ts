// Faces a user supplies that are odd or broken: a bold weight with fewer characters than
// its regular, a face without a space, a file cut short, web fonts, and a folder of junk
// given to --font-path. Each builds right or is refused by name, never an internal error.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { CLI } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { issueYaml } from '../batch/fixtures.js';
import { makeTtc, makeTtf, makeWoff, makeWoff2, SANS_BOLD, SERIF } from './make-font.js';
import { embeddedFonts } from './office.js';

let dir: string;
const issue = () => join(dir, 'issue.yaml');
const LEAD = '第1期要闻';
const DIGITS = '—0123456789';

/** Build the issue with this style file; the PDF is dir/out.pdf. */
async function build(style: string, ...extra: string[]) {
  writeFileSync(join(dir, 'style.yaml'), style);
  return cli(['build', issue(), '--style', join(dir, 'style.yaml'), '-o', join(dir, 'out.pdf'), ...extra]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-userfaces-'));
  writeFileSync(issue(), issueYaml(1));
  mkdirSync(join(dir, 'fonts'));
  // A family whose bold weight has only two of the lead title's characters.
  writeFileSync(join(dir, 'fonts', 'kai.ttf'), makeTtf(SERIF, LEAD, { family: 'YB Kai', postscript: 'YBKai-Regular' }));
  writeFileSync(join(dir, 'fonts', 'kai-bold.ttf'), makeTtf(SANS_BOLD, '要闻', { family: 'YB Kai', style: 'Bold', postscript: 'YBKai-Bold', weight: 700 }));
  writeFileSync(join(dir, 'nospace.ttf'), makeTtf(SERIF, DIGITS, { family: 'YB NoSpace', postscript: 'YBNoSpace-Regular' }));
  const lead = makeTtf(SERIF, LEAD, { family: 'YB Web', postscript: 'YBWeb-Regular' });
  writeFileSync(join(dir, 'cut.ttf'), lead.subarray(0, lead.length >> 1));
  const pair = makeTtc([
    { source: SERIF, chars: LEAD, names: { family: 'YB A', postscript: 'YBA-Regular' } },
    { source: SERIF, chars: LEAD, names: { family: 'YB B', postscript: 'YBB-Regular' } },
  ]);
  writeFileSync(join(dir, 'cut.ttc'), pair.subarray(0, 1000));
  writeFileSync(join(dir, 'lead.woff'), makeWoff(lead));
  writeFileSync(join(dir, 'lead.woff2'), makeWoff2(lead, { transformed: true }));
  symlinkSync('loop-b.ttf', join(dir, 'loop-a.ttf'));
  symlinkSync('loop-a.ttf', join(dir, 'loop-b.ttf'));
});

describe('a bold role', () => {
  it('sets what the family\'s bold weight lacks in its regular weight, faked bold (it was refused as in no face)', async () => {
    const r = await build('fonts:\n  lead: [YB Kai]\nbold:\n  lead: true\n');
    expect(r.stderr).not.toContain('no face');
    expect(r.code).toBe(0);
    const pdf = readFileSync(join(dir, 'out.pdf'));
    expect(squash((await readPdf(pdf)).text)).toContain(LEAD);
    expect(embeddedFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['YBKai-Bold', 'YBKai-Regular']));
  });
});

describe('a face without a space', () => {
  it('is refused for the page numbers by name, not as an internal error', async () => {
    const r = await build('fonts:\n  folio: [./nospace.ttf]\n');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(`${issue()}: page numbers: a space (U+0020) is in no face of the folio role (tried: YBNoSpace-Regular)`);
  });

  it('takes the space from the next face of the chain', async () => {
    const r = await build('fonts:\n  folio: [./nospace.ttf, Noto Serif SC]\n');
    expect(r.code).toBe(0);
    const page = (await readPdf(readFileSync(join(dir, 'out.pdf')))).pages[0];
    expect(page.lines[page.lines.length - 1].text.replace(/\s+/g, ' ')).toBe('— 1 —');
  });
});

describe('a broken face file', () => {
  for (const [file, why] of [
    ['cut.ttf', /cut\.ttf is cut short \(\d+ bytes\): its \w+ table runs to byte \d+; copy the font file again/],
    ['cut.ttc', /cut\.ttc is cut short \(1000 bytes\)/],
    ['cut.ttc#YBB-Regular', /cut\.ttc is cut short \(1000 bytes\)/],
  ] as const) {
    it(`is named at the style entry when it was cut short (${file})`, async () => {
      const r = await build(`fonts:\n  lead: [./${file}]\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).toMatch(new RegExp(`style\\.yaml:2:10: fonts\\.lead\\[0\\]: .*${why.source}`));
    });
  }

  it('is named as a loop of symbolic links', async () => {
    const r = await build('fonts:\n  lead: [./loop-a.ttf]\n');
    expect(r.stderr).toContain(`fonts.lead[0]: cannot read the font file ${join(dir, 'loop-a.ttf')}: the path is a loop of symbolic links`);
  });
});

describe('web fonts', () => {
  it('a WOFF is embedded, named by path or found by family in --font-path', async () => {
    for (const entry of ['./lead.woff', 'YB Web']) {
      const r = await build(`fonts:\n  lead: ["${entry}"]\n`, '--font-path', dir);
      expect(r.stderr).not.toContain('fonts.lead');
      expect(r.code).toBe(0);
      const pdf = readFileSync(join(dir, 'out.pdf'));
      expect(embeddedFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain('YBWeb-Regular');
      expect(squash((await readPdf(pdf)).text)).toContain(LEAD);
    }
  });

  it('a WOFF2 whose outlines are re-encoded is refused by name (it was reported as a damaged loca table)', async () => {
    const r = await build('fonts:\n  lead: [./lead.woff2]\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`fonts.lead[0]: ${join(dir, 'lead.woff2')} is a WOFF2 web font with its outlines stored re-encoded, which cannot be embedded in a PDF; use the .ttf or .otf it was made from`);
  });
});

describe('--font-path with a folder of junk', () => {
  it('lists the faces there and passes over the rest, a pipe named .ttf included (it waited on the pipe for ever)', () => {
    const junk = join(dir, 'junk');
    mkdirSync(join(junk, 'dir.ttf'), { recursive: true });
    writeFileSync(join(junk, 'empty.ttf'), '');
    writeFileSync(join(junk, 'picture.otf'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    writeFileSync(join(junk, 'good.ttf'), makeTtf(SERIF, LEAD, { family: 'YB Good', postscript: 'YBGood-Regular' }));
    symlinkSync('nowhere.ttf', join(junk, 'dangling.ttf'));
    symlinkSync('..', join(junk, 'up'));
    expect(spawnSync('mkfifo', [join(junk, 'pipe.ttf')]).status).toBe(0);
    const r = spawnSync(process.execPath, [CLI, 'fonts', '--font-path', junk], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/YB Good {2}\(fonts folder\)/);
  });
});
