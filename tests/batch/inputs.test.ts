// Arguments to issue files: folders (style files left out), globs, plain files, and the
// relative paths that --out-dir mirrors.
import { describe, it, expect, afterAll } from 'vitest';
import { rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs, outputFor, checkCollisions } from '../../src/batch/inputs.js';
import { globBase } from '../../src/batch/glob.js';
import { issueYaml, tree } from './fixtures.js';

const files = {
  '2023/q1/issue01.yaml': issueYaml(1),
  '2023/q1/issue02.yml': issueYaml(2),
  '2023/q2/issue03.yaml': issueYaml(3),
  '2023/house.yaml': 'size:\n  body: 15\n',
  '2023/notes.txt': 'not an issue',
  '2024/issue04.yaml': issueYaml(4),
  '2024/.hidden/issue05.yaml': issueYaml(5),
};

describe('expandInputs', () => {
  const root = tree(files);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes every issue below a folder, leaving out style files, hidden folders and other files', () => {
    const r = expandInputs(['2023'], root);
    expect(r.inputs.map((i) => i.rel)).toEqual(['q1/issue01.yaml', 'q1/issue02.yml', 'q2/issue03.yaml']);
    expect(r.inputs.map((i) => i.file)).toEqual(['2023/q1/issue01.yaml', '2023/q1/issue02.yml', '2023/q2/issue03.yaml']);
    expect(r.batch).toBe(true);
  });

  it('mirrors plain files from their common folder', () => {
    const r = expandInputs(['2023/q1/issue01.yaml', '2024/issue04.yaml'], root);
    expect(r.inputs.map((i) => i.rel)).toEqual(['2023/q1/issue01.yaml', '2024/issue04.yaml']);
    expect(r.batch).toBe(false);
    expect(expandInputs(['2024/issue04.yaml'], root).inputs[0].rel).toBe('issue04.yaml');
  });

  it('expands globs below their fixed part, with ** across folders and {a,b}', () => {
    expect(expandInputs(['2023/**/*.yaml'], root).inputs.map((i) => i.rel)).toEqual(['q1/issue01.yaml', 'q2/issue03.yaml']);
    expect(expandInputs(['*/q{1,2}/issue0?.y*ml'], root).inputs.map((i) => i.rel)).toEqual(['2023/q1/issue01.yaml', '2023/q1/issue02.yml', '2023/q2/issue03.yaml']);
  });

  it('with braces across folders, mirror below the fixed part', () => {
    const r = expandInputs(['{2023/q1,2024}/*.yaml'], root);
    expect(r.inputs.map((i) => i.rel)).toEqual(['2023/q1/issue01.yaml', '2024/issue04.yaml']);
    expect(outputFor(r.inputs[1], 'pdf')).toBe(join('pdf', '2024', 'issue04.pdf'));
    expect(expandInputs(['2023/{q1,q2}/issue0[13].yaml'], root).inputs.map((i) => i.rel)).toEqual(['q1/issue01.yaml', 'q2/issue03.yaml']);
    expect(globBase('{2023/*,2024/*}.yaml')).toEqual({ base: '.', rest: '{2023/*,2024/*}.yaml' });
  });

  it('keeps each file once, and leaves out the style file', () => {
    const r = expandInputs(['2023', '2023/q1/issue01.yaml', '2023/**/*.yaml'], root, ['2023/q1/issue02.yml']);
    expect(r.inputs.map((i) => i.file)).toEqual(['2023/q1/issue01.yaml', '2023/q2/issue03.yaml']);
  });

  it('says which arguments matched nothing, and keeps a missing plain file to report it', () => {
    const r = expandInputs(['2023/q9/*.yaml', 'nowhere.yaml'], root);
    expect(r.empty).toEqual(['2023/q9/*.yaml']);
    expect(r.inputs.map((i) => i.file)).toEqual(['nowhere.yaml']);
  });
});

describe('outputs', () => {
  it('mirror the relative path under --out-dir, else sit beside the input', () => {
    const i = { file: 'in/2023/q1/a.yaml', abs: '/x/in/2023/q1/a.yaml', rel: '2023/q1/a.yaml' };
    expect(outputFor(i, 'out')).toBe(join('out', '2023', 'q1', 'a.pdf'));
    expect(outputFor(i, undefined)).toBe('in/2023/q1/a.pdf');
  });

  it('refuse two inputs that would write one PDF', () => {
    const a = { input: { file: 'a.yaml', abs: '/a.yaml', rel: 'a.yaml' }, out: 'o/a.pdf' };
    const b = { input: { file: 'a.yml', abs: '/a.yml', rel: 'a.yml' }, out: 'o/a.pdf' };
    expect(() => checkCollisions([a, b])).toThrow('a.yaml and a.yml would both write o/a.pdf');
  });
});

describe('globs', () => {
  it('split at the first wildcard', () => {
    expect(globBase('issues/2023/*.yaml')).toEqual({ base: 'issues/2023', rest: '*.yaml' });
    expect(globBase('*.yaml')).toEqual({ base: '.', rest: '*.yaml' });
    expect(globBase('/abs/**/x.yaml')).toEqual({ base: '/abs', rest: '**/x.yaml' });
  });
});

describe('a folder', () => {
  // Each of these was left out without a word, so a batch said it had built everything.
  it('takes issues through symbolic links, and the ones it cannot tell from a style file, for the build to name', () => {
    const root = tree({
      'in/a.yaml': issueYaml(1),
      'in/colon.yaml': issueYaml(2).replace('masthead:', 'masthead：'),
      'shared/linked.yaml': issueYaml(3),
      'shared/more/deep.yaml': issueYaml(4),
      'in/house.yaml': 'size:\n  body: 15\n',
      'in/huge.yaml': '',
    });
    writeFileSync(join(root, 'in/utf16.yaml'), Buffer.from('\ufeff' + issueYaml(5), 'utf16le'));
    symlinkSync('../shared/linked.yaml', join(root, 'in/linked.yaml'));
    symlinkSync('../shared/more', join(root, 'in/more'));
    symlinkSync('../../in', join(root, 'shared/more/up')); // a loop: each folder is visited once
    // Larger than an issue may be (sparse: no disk taken): refused by the build, by name.
    truncateSync(join(root, 'in/huge.yaml'), 20 << 20);
    try {
      const r = expandInputs(['in'], root);
      expect(r.inputs.map((i) => i.rel).sort()).toEqual(['a.yaml', 'colon.yaml', 'huge.yaml', 'linked.yaml', 'more/deep.yaml', 'utf16.yaml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
