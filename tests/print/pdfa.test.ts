// --pdfa: PDF/A-2b checked by structure (no veraPDF here): XMP present, parseable and
// equal to the Info dictionary, an output intent with an ICC profile, every font embedded,
// a file ID, nothing PDF/A forbids; CMYK only with a CMYK output profile.
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { build, tmp, variant } from './build.js';
import { iccProfile } from './icc.js';
import { readRaw, type RawPdf } from './raw-pdf.js';
import { withoutWarnings } from '../helpers/warnings.js';

async function xmp(pdf: Buffer): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const md = await doc.getMetadata();
  await doc.destroy();
  expect(md.metadata, 'XMP that pdfjs can parse').toBeTruthy();
  return Object.fromEntries([...(md.metadata as unknown as Iterable<[string, unknown]>)]);
}

const catalog = (raw: RawPdf) => raw.ofType('Catalog')[0].dict;
const metadataText = (raw: RawPdf) => raw.deref(catalog(raw), 'Metadata')!.stream!.toString('utf8');
/** An entry of the Info dictionary, written in place or as an object of its own. */
const info = (raw: RawPdf, key: string) => {
  const infoDict = raw.deref(raw.trailer, 'Info')!.dict;
  return raw.deref(infoDict, key)?.dict ?? new RegExp(`/${key} (\\([^)]*\\))`).exec(infoDict)?.[1];
};

describe('--pdfa', () => {
  let pdf: Buffer;
  let raw: RawPdf;
  beforeAll(async () => {
    pdf = (await build(['--pdfa'])).pdf;
    raw = readRaw(pdf);
  });

  it('identifies itself as PDF/A-2b in XMP that mirrors the document info', async () => {
    const x = await xmp(pdf);
    expect(x['pdfaid:part']).toBe('2');
    expect(x['pdfaid:conformance']).toBe('B');
    expect(x['dc:title']).toBe('延津政务快报 第38期');
    expect(x['dc:creator']).toEqual(['延津县人民政府办公室']);
    expect(x['xmp:creatortool']).toBe('yanjin-bulletin');
    expect(x['pdf:producer']).toBe('yanjin-bulletin');
    expect(x['xmp:createdate']).toBe('2023-08-25T00:00:00Z');
    expect(x['xmp:modifydate']).toBe('2023-08-25T00:00:00Z');
    expect(info(raw, 'CreationDate')).toBe('(D:20230825000000Z)');
    expect(info(raw, 'ModDate')).toBe('(D:20230825000000Z)');
    expect(String(x['pdf:keywords'])).toContain('优化营商环境');
  });

  it('keeps the XMP stream unfiltered, in an xpacket', () => {
    const m = raw.deref(catalog(raw), 'Metadata')!;
    expect(m.dict).toMatch(/\/Type \/Metadata/);
    expect(m.dict).toMatch(/\/Subtype \/XML/);
    expect(m.dict).not.toMatch(/\/Filter/);
    const text = metadataText(raw);
    expect(text.startsWith('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(text.trimEnd()).toMatch(/<\?xpacket end="[rw]"\?>$/);
  });

  it('has an sRGB output intent with its ICC profile', () => {
    const intents = /\/OutputIntents \[(\d+) 0 R\]/.exec(catalog(raw))!;
    const intent = raw.objects.get(Number(intents[1]))!;
    expect(intent.dict).toMatch(/\/S \/GTS_PDFA1/);
    expect(intent.dict).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2.1\)/);
    const icc = raw.deref(intent.dict, 'DestOutputProfile')!;
    expect(icc.dict).toMatch(/\/N 3\b/);
    expect(icc.stream!.toString('latin1', 36, 40)).toBe('acsp');
    expect(icc.stream!.toString('latin1', 16, 20)).toBe('RGB ');
  });

  it('embeds every font and uses no colour but DeviceRGB', () => {
    const fonts = raw.ofType('Font').filter((f) => !/\/Subtype \/Type0/.test(f.dict));
    expect(fonts.length).toBe(3);
    for (const f of fonts) {
      const fd = raw.deref(f.dict, 'FontDescriptor')!;
      expect(fd.dict).toMatch(/\/FontFile[23]? \d+ 0 R/);
      // PDF/A-2 makes CIDSet optional, and a CIDSet that misses a glyph fails validation.
      expect(fd.dict).not.toContain('/CIDSet');
      expect(f.dict).toMatch(/\/CIDToGIDMap \/Identity/);
    }
    for (const page of raw.ofType('Page')) {
      const c = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
      // Colours come in DeviceRGB only: no CMYK or grey operators, no other colour space.
      expect(c).not.toMatch(/ (k|K|g|G)\n/);
      expect(new Set([...c.matchAll(/\/(\w+) (?:cs|CS)\n/g)].map((m) => m[1]))).toEqual(new Set(['DeviceRGB']));
    }
  });

  it('has a file ID and nothing PDF/A-2b forbids', () => {
    expect(raw.trailer).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    const all = [...raw.objects.values()].map((o) => o.dict).join('\n');
    for (const bad of ['/Encrypt', '/JavaScript', '/JS ', '/EmbeddedFiles', '/SMask', '/Transparency', '/OCProperties', '/AA ', '/Launch']) expect(all).not.toContain(bad);
    expect(all).not.toMatch(/\/(CA|ca) 0?\.\d/);
    expect(pdf.subarray(0, 15).toString('latin1')).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
    expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  });

  it('escapes the text in XMP', async () => {
    const dir = tmp();
    const input = variant(dir, (y) => y.replace('title: 延津政务快报', 'title: 延津<政务>&快报').replace('publisher: 延津县人民政府办公室', 'publisher: "延津县 & <办公室>"'));
    const { pdf: p } = await build(['--pdfa'], { dir, input });
    const text = metadataText(readRaw(p));
    expect(text).toContain('延津&lt;政务&gt;&amp;快报 第38期');
    expect(text).not.toContain('<政务>');
    const x = await xmp(p);
    expect(x['dc:title']).toBe('延津<政务>&快报 第38期');
    expect(x['dc:creator']).toEqual(['延津县 & <办公室>']);
  });

  it('writes XMP without PDF/A identification or output intent when not asked', async () => {
    const p = (await build([])).pdf;
    const x = await xmp(p);
    expect(x['dc:title']).toBe('延津政务快报 第38期');
    expect(x['pdfaid:part']).toBeUndefined();
    expect(catalog(readRaw(p))).not.toContain('/OutputIntents');
  });
});

describe('--pdfa with --color cmyk', () => {
  it('refuses without a CMYK output profile, saying what to do', async () => {
    const dir = tmp();
    const r = await cli(['build', EXAMPLE, '-o', join(dir, 'x.pdf'), '--pdfa', '--color', 'cmyk']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('style.color.cmykProfile: PDF/A in CMYK needs the ICC profile of the printing condition');
    expect(r.stderr).toContain('hint:');
  });

  it('uses the profile named by color.cmykProfile as a CMYK output intent', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'press.icc'), iccProfile({ desc: 'Test CMYK press' }));
    writeFileSync(join(dir, 'house.yaml'), 'color:\n  cmykProfile: press.icc\n');
    const raw = readRaw((await build(['--pdfa', '--color', 'cmyk', '--style', join(dir, 'house.yaml')], { dir })).pdf);
    const intent = raw.ofType('OutputIntent')[0];
    expect(intent.dict).toMatch(/\/OutputConditionIdentifier \(Test CMYK press\)/);
    const icc = raw.deref(intent.dict, 'DestOutputProfile')!;
    expect(icc.dict).toMatch(/\/N 4\b/);
    expect(icc.stream!.toString('latin1', 12, 20)).toBe('prtrCMYK');
    for (const page of raw.ofType('Page')) {
      const c = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
      expect(c).not.toMatch(/ (rg|RG|g|G)\n| rg | RG /);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'press.icc'), iccProfile());
    writeFileSync(join(dir, 'house.yaml'), 'color:\n  cmykProfile: press.icc\n');
    const args = ['--pdfa', '--color', 'cmyk', '--style', join(dir, 'house.yaml')];
    expect((await build(args, { dir, name: 'a.pdf' })).pdf.equals((await build(args, { dir, name: 'b.pdf' })).pdf)).toBe(true);
  });

  it('refuses a profile that is not a CMYK output profile', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scan.icc'), iccProfile({ cls: 'scnr' }));
    writeFileSync(join(dir, 'rgb.icc'), iccProfile({ space: 'RGB ' }));
    for (const [file, why] of [['scan.icc', 'not an output (printer) profile'], ['rgb.icc', 'for RGB colour, not CMYK'], ['none.icc', 'no such file']]) {
      const input = variant(dir, (y) => y.replace('sections:', `style:\n  color:\n    cmykProfile: ${file}\nsections:`));
      const r = await cli(['build', input, '-o', join(dir, 'x.pdf'), '--pdfa', '--color', 'cmyk']);
      expect(r.code, file).toBe(1);
      expect(r.stderr).toContain(join(dir, file));
      expect(r.stderr).toContain(why);
    }
  });
});
