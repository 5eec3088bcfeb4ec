// An issue with no style of its own takes the house defaults without building the style
// schema (the bundle carries them, computed from the schema when it was built). They must
// be exactly what the schema gives: a build through the schema (an empty style file) and
// one without it write the same bytes.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { defaultStyle, styleSchema } from '../../src/validate/style-schema.js';

describe('the default style', () => {
  it('is what the schema makes of {}', () => {
    expect(defaultStyle()).toEqual(styleSchema().parse({}));
  });

  it('gives the same PDF as a build that parses a style file through the schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-defaults-'));
    writeFileSync(join(dir, 'house.yaml'), 'page: {}\n');
    const plain = await cli(['build', EXAMPLE, '-o', join(dir, 'plain.pdf')], { env: { SOURCE_DATE_EPOCH: '' } });
    const styled = await cli(['build', EXAMPLE, '--style', join(dir, 'house.yaml'), '-o', join(dir, 'styled.pdf')], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(plain.code, plain.stderr).toBe(0);
    expect(styled.code, styled.stderr).toBe(0);
    expect(readFileSync(join(dir, 'plain.pdf')).equals(readFileSync(join(dir, 'styled.pdf')))).toBe(true);
  });
});
