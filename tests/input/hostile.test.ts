// Hostile input, each class answered quickly and in plain words: floods of unknown or
// duplicated keys, custom YAML tags, values that YAML reads in surprising ways, files in
// Big5, issues too large to compose, and Word files that unpack to far more than they weigh.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { docx, paragraphs, zip } from '../import/helpers/zip-bomb.js';

let dir: string;
const run = (...args: string[]) => cli(args, { cwd: dir });
const put = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(dir, name), data);
  return name;
};
const example = readFileSync(EXAMPLE, 'utf8');

/** Seconds of CPU this process spends on `f`: the work itself, whatever else the machine is doing. */
async function cpuSeconds<T>(f: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const before = process.cpuUsage();
  const result = await f();
  const used = process.cpuUsage(before);
  return { result, seconds: (used.user + used.system) / 1e6 };
}

/** Big5 bytes for `text`, from the decoder's own table (Node decodes Big5 but cannot encode it). */
function big5(text: string): Uint8Array {
  const dec = new TextDecoder('big5');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const c = dec.decode(new Uint8Array([a, b]));
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [a, b]);
    }
  }
  return Uint8Array.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-hostile-'));
  // Load the program once, so that the times below are of the work asked for.
  await cli(['validate', EXAMPLE]);
});

describe('floods of problems are answered at once', () => {
  it('20,000 unknown keys: the first 50 shown, the rest counted, in under 2 s', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1\n`).join('');
    put('unknown.yaml', example.replace('masthead:\n', `masthead:\n${keys}`));
    const { result: r, seconds } = await cpuSeconds(() => run('validate', 'unknown.yaml'));
    expect(seconds).toBeLessThan(2);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown.yaml:4:3: masthead: unknown key "k0" (expected one of: title, issue, total, publisher, date, mark)');
    expect(r.stderr).toContain('unknown.yaml: … and 19950 more problems; fix these first');
  });

  it('10,000 duplicated keys, in under 2 s', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `  title: 第${i}\n`).join('');
    put('dups.yaml', example.replace('masthead:\n', `masthead:\n${keys}`));
    const { result: r, seconds } = await cpuSeconds(() => run('validate', 'dups.yaml'));
    expect(seconds).toBeLessThan(2);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dups.yaml:5:3: masthead: "title" appears twice in this block (first on line 4); keep one');
    expect(r.stderr).toMatch(/… and \d{4,} more problems/);
  });

  it('10,000 empty or mistyped values: each hint reads its own line, not the whole file', async () => {
    const MASTHEAD = 'masthead:\n  title: 延津政务快报\n  issue: 38\n  publisher: 延津县人民政府办公室\n  date: 2023-08-25\n';
    for (const value of ['', ' [a]']) {
      put('values.yaml', `${MASTHEAD}sections:\n  - heading: x\n    items:\n${`      - body:${value}\n`.repeat(10_000)}`);
      const { result: r, seconds } = await cpuSeconds(() => run('validate', 'values.yaml'));
      expect(seconds).toBeLessThan(2);
      expect(r.stderr).toContain('values.yaml: … and 9950 more problems; fix these first');
    }
  });
});

describe('messages that say what is there', () => {
  it('custom YAML tags are refused, not read as data or as text', async () => {
    for (const [tag, value] of [['!!binary', 'aGVsbG8='], ['!!js/function', '"function () {}"'], ['!house', '延津']]) {
      put('tag.yaml', example.replace('  title: 延津政务快报', `  title: ${tag} ${value}`));
      const r = await run('validate', 'tag.yaml');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the YAML tag ${tag} is not allowed in an issue file`);
    }
    // A tag that only says what the value is stays allowed: !!str keeps 0012 as text.
    put('str.yaml', example.replace('        source: 供销社', '        source: !!str 0012'));
    expect((await run('validate', 'str.yaml')).code).toBe(0);
  });

  it('.nan and .inf are named as what YAML reads them to be', async () => {
    put('nan.yaml', example.replace('  issue: 38', '  issue: .nan'));
    expect((await run('validate', 'nan.yaml')).stderr).toContain('masthead.issue: expected a number, got .nan (YAML\'s "not a number")');
    put('inf.yaml', example.replace('  issue: 38', '  issue: .inf'));
    expect((await run('validate', 'inf.yaml')).stderr).toContain("masthead.issue: expected a number, got .inf (YAML's infinity)");
  });

  it('a CMYK colour of three values is said to be short, not empty', async () => {
    put('three.yaml', 'color:\n  redCmyk: [0, 100, 100]\n');
    const r = await run('validate', EXAMPLE, '--style', 'three.yaml');
    expect(r.stderr).toContain('three.yaml:2:12: color.redCmyk: must have at least 4 entries, got 3');
  });

  it('an empty style file is told what a style file holds', async () => {
    put('empty-style.yaml', '# nothing yet\n');
    const r = await cli(['validate', EXAMPLE, '--style', join(dir, 'empty-style.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty-style.yaml: the file is empty; a style file holds what an issue\'s style: block holds');
    expect(r.stderr).not.toContain('masthead');
  });

  it('import -o FOLDER/ says it is a folder, not that the file exists', async () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    put('back.txt', '延津政务快报\n第 37 期\n');
    for (const out of ['out', 'out/']) {
      const r = await run('import', 'back.txt', '-o', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${out}: this is a folder; -o names the issue file to write`);
    }
  });

  it('a 45 MB text given to import is refused as a text to import, before it is read', async () => {
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 45 * 1024 * 1024);
    closeSync(fd);
    const r = await run('import', 'huge.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('huge.txt: the file is 45.0 MB; a text to import may be at most 10 MB');
  });
});

describe('Big5', () => {
  it('an issue file in Big5 is read as Big5, with a notice, not as GBK mojibake', async () => {
    // Only the characters Big5 has: the example's simplified text stays out.
    const issue = 'masthead:\n  title: 延津政務快報\n  issue: 38\n  publisher: 延津縣人民政府辦公室\n  date: 2023-08-25\nsections:\n  - heading: 優化營商環境\n    items:\n      - body: 建立企業聯繫服務、定期回訪等機制，為企業解決實際困難。\n';
    put('big5.yaml', big5(issue));
    const r = await run('build', 'big5.yaml', '-o', 'big5.pdf');
    expect(r.stderr).toContain('big5.yaml: notice: the file is Big5 (Traditional Chinese');
    expect(r.code).toBe(0);
    const v = await run('validate', 'big5.yaml');
    // Read as Big5, the text is traditional Chinese: the proofreader's warnings say so.
    expect(v.stdout).toMatch(/^big5\.yaml: ok( \(\d+ warnings?\))?\n$/);
  });

  it('import of a Big5 text says how it was read', async () => {
    put('big5.txt', big5('延津政務快報\n第38期（總第456期）\n延津縣人民政府辦公室\n'));
    const r = await run('import', 'big5.txt', '-o', 'b5.yaml');
    expect(r.stderr).toContain('the file is Big5 (Traditional Chinese');
  });
});

describe('issues too large to compose are refused before composing', () => {
  const PARA = '建立企业联系服务、定期回访等机制，主动访需求、问困难、想对策，帮助企业解决经营问题。';
  const MASTHEAD = 'masthead:\n  title: 延津政务快报\n  issue: 38\n  publisher: 延津县人民政府办公室\n  date: 2023-08-25\n';

  it('a 9 MB issue of short paragraphs: the page estimate is over 1,000', async () => {
    const n = Math.ceil(9e6 / 3 / PARA.length);
    put('huge.yaml', `${MASTHEAD}sections:\n  - heading: 长篇\n    items:\n      - body: |\n${Array.from({ length: n }, () => `          ${PARA}`).join('\n\n')}\n`);
    const { result: r, seconds } = await cpuSeconds(() => run('build', 'huge.yaml'));
    expect(seconds).toBeLessThan(5);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.yaml:7:3: sections: the issue would run to at least [\d,]+ pages; an issue may have at most 1,000: split it into several issues/);
  });

  it('a paragraph over 250,000 characters, named at its field', async () => {
    put('para.yaml', `${MASTHEAD}sections:\n  - heading: 长篇\n    items:\n      - body: ${PARA.repeat(Math.ceil(260_000 / PARA.length))}\n`);
    const r = await run('validate', 'para.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/para\.yaml:9:15: sections\[0\]\.items\[0\]\.body: a paragraph of [\d,]+ characters; a paragraph may have at most 250,000/);
  });
});

describe('Word files that unpack to far more than they weigh are refused before they are unpacked', () => {
  it('2 million paragraphs in a few kilobytes', async () => {
    put('paras.docx', docx(paragraphs(2_000_000)));
    const { result: r, seconds } = await cpuSeconds(() => run('import', 'paras.docx'));
    expect(seconds).toBeLessThan(5);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('paras.docx: the Word file holds more than 50,000 paragraphs; an issue has far fewer, so it is not read');
  });

  it('a zip of 3,000 parts', async () => {
    put('parts.docx', zip(Array.from({ length: 3_000 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from('<a/>') }))));
    const { result: r, seconds } = await cpuSeconds(() => run('import', 'parts.docx'));
    expect(seconds).toBeLessThan(1);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('parts.docx: the Word file holds 3,000 parts; a Word file has a few dozen, so it is not read');
  });

  it('an entry that declares 1 GB of XML', async () => {
    put('declared.docx', docx(paragraphs(10), 1_100_000_000));
    const r = await run('import', 'declared.docx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('declared.docx: the Word file would unpack to 1049 MB of text (XML)');
  });

  it('an entry that says it is small and is not', async () => {
    const body = paragraphs(10);
    const big = Buffer.concat([body.subarray(0, body.length - 22), Buffer.alloc(60 * 1024 * 1024, 0x20), body.subarray(body.length - 22)]);
    put('lying.docx', docx(big, 1000));
    const { result: r, seconds } = await cpuSeconds(() => run('import', 'lying.docx'));
    expect(seconds).toBeLessThan(5);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lying.docx: the Word file would unpack to more than 50 MB of text (XML)');
  });
});
