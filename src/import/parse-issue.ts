// Blocks (from text or Word) → an issue: masthead, sections of items, distribution, staff.
// Every character of the input's content lands somewhere in the issue; what the parser
// cannot decide is a warning naming the line (or paragraph) it concerns.
import type { Distribution, Issue, Item, Section, Staff } from '../validate/schema.js';
import { readMasthead } from './masthead.js';
import { isDistributionLine, readDistribution, readStaffLine } from './end-matter.js';
import { endsSentence, joinBreaks } from './join-breaks.js';
import { guessTitle, isUnitName, splitAtSpace, takeSource } from './item-parts.js';
import { FOLIO, HEADING } from './patterns.js';
import type { Block, ImportNote, PlaceWord } from './types.js';

export interface Parsed {
  issue: Issue;
  notes: ImportNote[];
}

/** A placeholder heading for items found before the first 【】 heading. */
const NO_HEADING = '未分栏';

export function parseBlocks(input: Block[], file: string, place: PlaceWord): Parsed {
  const notes: ImportNote[] = [];
  const blocks = input.filter((b) => {
    if (!FOLIO.test(b.text)) return true;
    notes.push({ at: b.at, level: 'note', message: `"${b.text}" looks like a page number; left out` });
    return false;
  });
  const { masthead, used } = readMasthead(blocks, file, place, notes);
  const rest = blocks.slice(used);
  const { body, distribution, staff, leftover } = splitEndMatter(rest, place, notes);
  const sections = readSections(joinBreaks(body, place, notes), place, notes);
  if (leftover.length) {
    const last = sections[sections.length - 1];
    for (const b of leftover) {
      notes.push({ at: b.at, level: 'warning', message: `text after the staff lines was kept as a last item under 【${last?.heading ?? NO_HEADING}】: ${preview(b.text)}` });
    }
    const item: Item = { body: leftover.map((b) => b.text).join('\n\n') };
    if (last) last.items.push(item);
    else sections.push({ heading: NO_HEADING, items: [item] });
  }
  if (!sections.length) {
    notes.push({ at: blocks[used - 1].at, level: 'warning', message: `no sections found after the masthead; an empty section 【${NO_HEADING}】 was made to fill in` });
    sections.push({ heading: NO_HEADING, items: [{ body: '（待填写）' }] });
  }
  const issue: Issue = { masthead, sections, ...(distribution ? { distribution } : {}), ...(staff.length ? { staff } : {}) };
  return { issue, notes };
}

/**
 * The end matter begins at the distribution line (本期发：…); its continuation lines run
 * up to the staff lines. Without a distribution line, the staff lines are the trailing run
 * of role：name lines.
 */
function splitEndMatter(blocks: Block[], place: PlaceWord, notes: ImportNote[]) {
  let start = blocks.findIndex((b) => isDistributionLine(b.text));
  let distribution: Distribution | undefined;
  const staff: Staff[] = [];
  const leftover: Block[] = [];
  if (start < 0) {
    start = blocks.length;
    while (start > 0 && readStaffLine(blocks[start - 1].text)) start--;
  } else {
    let k = start + 1;
    const parts = [blocks[start].text];
    while (k < blocks.length && !readStaffLine(blocks[k].text)) parts.push(blocks[k++].text);
    if (parts.length > 1) notes.push({ at: blocks[start].at, level: 'note', message: `the distribution continues on the next ${parts.length - 1} ${place}(s); joined` });
    distribution = readDistribution(parts.join(''));
    if (!distribution.to.length) {
      notes.push({ at: blocks[start].at, level: 'warning', message: 'the distribution line names no recipients; it was left out' });
      distribution = undefined;
    }
    blocks = [...blocks.slice(0, start + 1), ...blocks.slice(k)];
  }
  for (const b of blocks.slice(start + (distribution ? 1 : 0))) {
    const entries = readStaffLine(b.text);
    if (entries && !leftover.length) staff.push(...entries);
    else if (staff.length && !leftover.length && isNamePart(b.text)) {
      // 责任编辑：李 / 勉: a name spread to the width of three characters, cut by a page number.
      const last = staff[staff.length - 1];
      last.name += b.text;
      notes.push({ at: b.at, level: 'note', message: `"${b.text}" was read as the rest of the name of ${last.role} (${last.name})` });
    } else leftover.push(b);
  }
  return { body: blocks.slice(0, start), distribution, staff, leftover };
}

/** A line that can only be the end of a name: one to three Han characters, nothing else. */
function isNamePart(text: string): boolean {
  return /^\p{Script=Han}{1,3}$/u.test(text);
}

interface OpenItem {
  item: Item;
  paras: string[];
  at: number;
  /** The item has its source: the next paragraph starts a new item. */
  closed: boolean;
  /** A unit-like bracket group ending a paragraph without a full stop before it. */
  maybe?: { unit: string; at: number; para: number };
}

function readSections(blocks: Block[], place: PlaceWord, notes: ImportNote[]): Section[] {
  const sections: Section[] = [];
  /** Where each section and item began, for warnings about them. */
  const where = new Map<object, number>();
  let section: Section | undefined;
  let cur: OpenItem | undefined;
  /** The item before the last heading was left without a source. */
  let openAcrossHeading: OpenItem | undefined;
  let pendingTitle: Block | undefined;
  const boldTitles = blocks.some((b) => b.lead);
  const finish = () => {
    if (!cur) return;
    cur.item.body = cur.paras.join('\n\n');
    // Only the item's last paragraph can hold its source: warn about a doubtful one there.
    if (cur.maybe && !cur.closed && cur.maybe.para === cur.paras.length - 1) {
      notes.push({ at: cur.maybe.at, level: 'warning', message: `the item ends with （${cur.maybe.unit}） without a full stop before it; kept in the body — if it is the source unit, move it to source:` });
    }
    cur = undefined;
  };
  const ensureSection = (b: Block) => {
    if (section) return section;
    notes.push({ at: b.at, level: 'warning', message: `text before the first 【】 heading was put under a heading 【${NO_HEADING}】; rename it` });
    section = { heading: NO_HEADING, items: [] };
    sections.push(section);
    where.set(section, b.at);
    return section;
  };
  for (let i = 0; i < blocks.length; i++) {
    let b = blocks[i];
    const h = HEADING.exec(b.text);
    if (h || b.headingStyle) {
      openAcrossHeading = cur && !cur.closed ? cur : undefined;
      finish();
      if (pendingTitle) flushPendingTitle();
      const heading = h ? h[1] : b.text;
      if (section && !section.items.length) {
        notes.push({ at: b.at, level: 'warning', message: `the heading 【${section.heading}】 has no items; it was joined to the next heading` });
        section.heading = `${section.heading} ${heading}`;
      } else {
        section = { heading, items: [] };
        sections.push(section);
        where.set(section, b.at);
      }
      if (h && h[2].trim()) b = { ...b, text: h[2].trim(), headingStyle: false, lead: undefined, allBold: false };
      else continue;
    }
    // A paragraph wholly in bold (not a heading) is a title set on a line of its own.
    if (b.allBold && !pendingTitle && blocks[i + 1] && !blocks[i + 1].allBold && !blocks[i + 1].headingStyle && !HEADING.test(blocks[i + 1].text) && !endsSentence(b.text) && [...b.text].length <= 60) {
      pendingTitle = b;
      continue;
    }
    // A source on a line of its own: （乡村振兴局）.
    const lone = /^[（(]([^（）()]*)[）)]$/.exec(b.text);
    if (lone && cur && !cur.closed && isUnitName(lone[1])) {
      cur.item.source = lone[1].trim();
      cur.closed = true;
      notes.push({ at: b.at, level: 'note', message: `（${lone[1]}） on a ${place} of its own was read as the source unit of the item above` });
      continue;
    }
    let title: string | undefined;
    let text = b.text;
    // Where titles are bold (Word), an open item's plain paragraph continues it even if it holds a space.
    const split = b.lead || pendingTitle || (boldTitles && cur && !cur.closed) ? undefined : splitAtSpace(b.text);
    const startsItem = !cur || cur.closed || !!b.lead || !!pendingTitle || !!split;
    if (!startsItem && cur) {
      cur.paras.push(text);
    } else {
      if (cur && !cur.closed && !b.lead && !pendingTitle && split) {
        notes.push({ at: b.at, level: 'warning', message: `the item above (${place} ${cur.at}) has no source unit, and this ${place} starts like a new item titled "${split.title}"; read as a new item` });
      }
      if (!cur && openAcrossHeading) {
        notes.push({ at: b.at, level: 'warning', message: `the item before the heading (${place} ${openAcrossHeading.at}) has no source unit; this ${place} could continue it, but was read as the first item under 【${section?.heading}】` });
      }
      openAcrossHeading = undefined;
      finish();
      if (b.lead) {
        title = b.lead;
        text = b.text.slice(b.lead.length).trim();
      } else if (pendingTitle) {
        title = pendingTitle.text;
        pendingTitle = undefined;
      } else if (split) {
        title = split.title;
        text = split.body;
      } else {
        const g = guessTitle(b.text);
        if (g) {
          title = g.title;
          text = g.body;
          notes.push({ at: b.at, level: 'warning', message: `no space between the item's title and its body; split before "${g.opener}": title "${g.title}" — check it` });
        } else {
          notes.push({ at: b.at, level: 'warning', message: `no clear title for this item (no space after a title, no bold lead); the whole ${place} is its body: ${preview(b.text)}` });
        }
      }
      cur = { item: { ...(title ? { title } : {}), body: '' }, paras: [], at: b.at, closed: false };
      // A title with no text after it (its body follows in the next paragraph) adds no paragraph.
      if (text) cur.paras.push(text);
      where.set(cur.item, b.at);
      ensureSection(b).items.push(cur.item);
    }
    const last = cur!.paras[cur!.paras.length - 1];
    if (last === undefined) continue;
    const s = takeSource(last);
    if (s.source) {
      cur!.paras[cur!.paras.length - 1] = s.body;
      if (!s.body) cur!.paras.pop();
      cur!.item.source = s.source;
      cur!.closed = true;
    } else if (s.maybe) {
      cur!.maybe = { unit: s.maybe, at: b.at, para: cur!.paras.length - 1 };
    }
  }
  if (pendingTitle) flushPendingTitle();
  finish();
  for (const s of sections) {
    for (const it of s.items) if (!it.body) fillEmptyBody(it);
    if (!s.items.length) {
      // A heading with nothing under it (the last one): an item holding its name, to fill in.
      notes.push({ at: where.get(s) ?? 0, level: 'warning', message: `the heading 【${s.heading}】 has no items; an item holding its name was made to fill in` });
      s.items.push({ body: s.heading });
    }
  }
  return sections;

  function flushPendingTitle() {
    // A bold line with nothing after it in its section: keep it as an item of its own.
    const t = pendingTitle!;
    pendingTitle = undefined;
    notes.push({ at: t.at, level: 'warning', message: `a bold line with no text after it was kept as an item: ${preview(t.text)}` });
    finish();
    const item = { body: t.text };
    where.set(item, t.at);
    ensureSection(t).items.push(item);
  }

  function fillEmptyBody(it: Item) {
    // A title alone (its body never came): the title's text becomes the body so nothing is lost.
    notes.push({ at: where.get(it) ?? 0, level: 'warning', message: `the item "${it.title ?? ''}" has no body; its title was used as the body` });
    it.body = it.title ?? '';
    delete it.title;
  }
}

function preview(s: string): string {
  const c = [...s];
  return c.length > 24 ? c.slice(0, 24).join('') + '…' : s;
}
