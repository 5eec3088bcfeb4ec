// A volume for the archive and the press: PDF/A-2b in CMYK as for one issue, each issue
// its own Part of the structure tree, page labels matching the printed numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { issueYaml, tree } from '../batch/fixtures.js';
import { iccProfile } from '../print/icc.js';
import { readRaw, type RawPdf } from '../print/raw-pdf.js';

let root: string;
let raw: RawPdf;

beforeAll(async () => {
  root = tree({ 'in/a.yaml': issueYaml(1), 'in/b.yaml': issueYaml(2), 'in/c.yaml': issueYaml(3), 'house.yaml': 'color:\n  cmykProfile: press.icc\n' });
  writeFileSync(join(root, 'press.icc'), iccProfile({ desc: 'Test CMYK press' }));
  const r = await cli(['bind', 'in', '-o', 'vol.pdf', '--pdfa', '--color', 'cmyk', '--style', 'house.yaml'], { cwd: root });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  raw = readRaw(readFileSync(join(root, 'vol.pdf')));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bind --pdfa --color cmyk', () => {
  it('has the CMYK output intent and the PDF/A identification', () => {
    const intent = raw.ofType('OutputIntent')[0];
    expect(intent.dict).toMatch(/\/OutputConditionIdentifier \(Test CMYK press\)/);
    const xmp = raw.ofType('Metadata')[0].stream!.toString('utf8');
    expect(xmp).toMatch(/pdfaid:part[^0-9]*2/);
    for (const page of raw.ofType('Page')) {
      const c = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
      expect(c).not.toMatch(/ (rg|RG|g|G)\n| rg | RG /);
    }
  });

  it('tags the front matter and each issue as a Part of the document', () => {
    expect(raw.ofType('Part')).toHaveLength(4);
    expect(raw.ofType('H1').length).toBe(4); // the volume's title and each masthead title
  });

  it('labels the front matter i, ii … and the body 1, 2 … as printed', () => {
    const catalog = raw.ofType('Catalog')[0].dict;
    expect(catalog).toMatch(/\/PageLabels <<\s*\/Nums \[0 <<\s*\/S \/r\s*>> 2 <<\s*\/S \/D\s*>>\]/);
  });
});
