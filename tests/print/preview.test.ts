// --preview: a PNG of each page beside the PDF, A4 at the chosen resolution, showing the page.
import { describe, it, expect } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import { build, tmp } from './build.js';
import { markPreview } from '../../src/write/preview.js';
import { withoutWarnings } from '../helpers/warnings.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): [number, number] {
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** Share of pixels that are dark, and of those that are clearly red. */
async function inks(png: Buffer): Promise<{ dark: number; red: number }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let dark = 0;
  let red = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i] < 100 && px[i + 1] < 100 && px[i + 2] < 100) dark++;
    if (px[i] > 180 && px[i + 1] < 80 && px[i + 2] < 80) red++;
  }
  const n = px.length / 4;
  return { dark: dark / n, red: red / n };
}

describe('--preview', () => {
  it('writes out-1.png … out-N.png, A4 at 96 dpi by default, and says nothing more', async () => {
    const { dir, pdf, run } = await build(['--preview']);
    const pages = (await readPdf(pdf)).pages.length;
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    for (let i = 1; i <= pages; i++) expect(pngSize(readFileSync(join(dir, `out-${i}.png`)))).toEqual([794, 1123]);
    expect(existsSync(join(dir, `out-${pages + 1}.png`))).toBe(false);
    const first = await inks(readFileSync(join(dir, 'out-1.png')));
    expect(first.red).toBeGreaterThan(0.002); // the red title and rule
    expect(first.dark).toBeGreaterThan(0.02); // the text
    const last = await inks(readFileSync(join(dir, `out-${pages}.png`)));
    expect(last.red).toBe(0);
  });

  it('takes the resolution (--preview-dpi), renders CMYK, and removes previews of pages the issue no longer has', async () => {
    const dir = tmp();
    // Previews an earlier, longer build wrote (they carry the mark naming out.pdf).
    const stale = markPreview(createCanvas(1, 1).toBuffer('image/png'), join(dir, 'out.pdf'));
    for (const n of [5, 6]) writeFileSync(join(dir, `out-${n}.png`), stale);
    writeFileSync(join(dir, 'out-9.png'), 'not ours to judge');
    const { pdf } = await build(['--preview-dpi', '50', '--color', 'cmyk'], { dir });
    const pages = (await readPdf(pdf)).pages.length;
    expect(pages).toBeLessThan(5);
    expect(pngSize(readFileSync(join(dir, 'out-1.png')))).toEqual([413, 585]); // 595.28 × 841.89 pt at 50/72
    expect((await inks(readFileSync(join(dir, 'out-1.png')))).red).toBeGreaterThan(0.002);
    expect(existsSync(join(dir, 'out-5.png'))).toBe(false);
    expect(existsSync(join(dir, 'out-6.png'))).toBe(false);
    expect(existsSync(join(dir, 'out-9.png'))).toBe(true);
  });

  it('never replaces or removes a file it did not write: photo.yaml beside the user\'s photo-2.png and photo-7.png', async () => {
    const dir = tmp();
    copyFileSync(EXAMPLE, join(dir, 'photo.yaml'));
    writeFileSync(join(dir, 'photo-2.png'), 'the user\'s own picture');
    writeFileSync(join(dir, 'photo-7.png'), 'another of them');
    const r = await cli(['build', 'photo.yaml', '--preview'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('photo-2.png: cannot write the preview: a file by that name is already there and is not a preview of this PDF; it was left as it is');
    expect(readFileSync(join(dir, 'photo-2.png'), 'utf8')).toBe('the user\'s own picture');
    expect(readFileSync(join(dir, 'photo-7.png'), 'utf8')).toBe('another of them');
    // Its own (photo-1.png, from the run that stopped) it replaces; past the last page it leaves photo-7.png be.
    rmSync(join(dir, 'photo-2.png'));
    expect((await cli(['build', 'photo.yaml', '--preview'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).sort()).toEqual(['photo-1.png', 'photo-2.png', 'photo-3.png', 'photo-4.png', 'photo-7.png']);
  });

  it('refuses a resolution it cannot use', async () => {
    const r = await cli(['build', EXAMPLE, '-o', join(tmp(), 'x.pdf'), '--preview-dpi', 'high']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--preview-dpi takes a resolution from 10 to 1200, not "high"');
  });
});
