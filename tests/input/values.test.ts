// The pure pieces behind the messages: calendar dates, did-you-mean, and the known keys
// read off the schema (so a suggestion never names a key the schema does not have).
import { describe, it, expect } from 'vitest';
import { dateProblem, issueSchema } from '../../src/validate/schema.js';
import { styleSchema } from '../../src/validate/style-schema.js';
import { didYouMean, keysAt } from '../../src/validate/did-you-mean.js';
import { estimateEms } from '../../src/validate/text-checks.js';

describe('dates', () => {
  it('accepts real dates, with or without zero padding', () => {
    for (const d of ['2023-08-25', '2023-8-5', '2024-02-29', '2000-02-29', '2023-12-31']) expect(dateProblem(d), d).toBeUndefined();
  });

  it('refuses days the calendar does not have', () => {
    expect(dateProblem('2023-02-30')).toBe('2023-02-30 is not a date: month 2 of 2023 has 28 days');
    expect(dateProblem('2023-02-29')).toBe('2023-02-29 is not a date: month 2 of 2023 has 28 days');
    expect(dateProblem('2100-02-29')).toBe('2100-02-29 is not a date: month 2 of 2100 has 28 days');
    expect(dateProblem('2023-04-31')).toBe('2023-04-31 is not a date: month 4 of 2023 has 30 days');
    expect(dateProblem('2023-13-01')).toBe('there is no month 13; write the date as YYYY-MM-DD, for example 2023-08-25');
    expect(dateProblem('2023-08-00')).toBe('2023-08-00 is not a date: month 8 of 2023 has 31 days');
  });

  it('suggests the ISO form for the ways offices write dates', () => {
    for (const d of ['2023/08/25', '2023.8.25', '2023年8月25日', '２０２３-０８-２５', '2023 年 8 月 25 日']) {
      expect(dateProblem(d), d).toBe('write the date as YYYY-MM-DD with ASCII digits: 2023-08-25');
    }
    expect(dateProblem('八月二十五日')).toBe('must be a date written YYYY-MM-DD, for example 2023-08-25');
  });
});

describe('did you mean', () => {
  it('finds swaps, drops and slips', () => {
    expect(didYouMean('titel', ['title', 'body', 'source'])).toBe('title');
    expect(didYouMean('bdy', ['title', 'body', 'source'])).toBe('body');
    expect(didYouMean('sorce', ['title', 'body', 'source'])).toBe('source');
    expect(didYouMean('Heading', ['heading', 'items'])).toBe('heading');
  });

  it('offers nothing when nothing is close', () => {
    expect(didYouMean('责任编辑', ['role', 'name'])).toBeUndefined();
    expect(didYouMean('xyz', ['title', 'body', 'source'])).toBeUndefined();
  });
});

describe('keys known at a place in the file', () => {
  // arrayContaining: the schema may grow (extend, never rename), and these must stay.
  it('reads them off the issue schema', () => {
    expect(keysAt(issueSchema, [])).toEqual(expect.arrayContaining(['masthead', 'sections', 'distribution', 'staff', 'style']));
    expect(keysAt(issueSchema, ['masthead'])).toEqual(expect.arrayContaining(['title', 'issue', 'total', 'publisher', 'date', 'mark']));
    expect(keysAt(issueSchema, ['sections', 3, 'items', 0])).toEqual(expect.arrayContaining(['title', 'body', 'source']));
    expect(keysAt(issueSchema, ['staff', 1])).toEqual(expect.arrayContaining(['role', 'name']));
    expect(keysAt(issueSchema, ['style', 'folio'])).toEqual(expect.arrayContaining(['position', 'gap']));
  });

  it('tells the style block masthead from the issue masthead', () => {
    expect(keysAt(styleSchema(), ['masthead'])).toEqual(expect.arrayContaining(['letterSpacing', 'ruleGap', 'ruleWidth', 'doubleRule']));
    expect(keysAt(styleSchema(), ['masthead'])).not.toContain('title');
  });

  it('has none where the value is not a block', () => {
    expect(keysAt(issueSchema, ['masthead', 'title'])).toEqual([]);
    expect(keysAt(issueSchema, ['nowhere'])).toEqual([]);
  });
});

describe('runs too wide to set', () => {
  it('estimates widths low, so only runs that surely overflow a 28-character line are refused', () => {
    expect(estimateEms('a'.repeat(56))).toBe(28);
    expect(estimateEms('WWW')).toBeCloseTo(2.55, 10);
    expect(estimateEms('ill.')).toBeCloseTo(1.2, 10);
  });
});
