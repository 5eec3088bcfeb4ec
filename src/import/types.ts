// What the readers hand the parser: the input's paragraphs in order, each with the place
// it came from (a line of a text file, a paragraph of a Word file) for warnings.

export interface Block {
  text: string;
  /** 1-based line (text) or paragraph (docx) number. */
  at: number;
  /** Word only: the bold run(s) that open the paragraph, when the rest is not bold. */
  lead?: string;
  /** Word only: the whole paragraph is bold. */
  allBold?: boolean;
  /** Word only: the paragraph has a heading style (Heading 1, 标题 1 …). */
  headingStyle?: boolean;
  /**
   * Text only, in hard-wrapped text (one printed line a line, first lines indented):
   * false marks a line that continues the paragraph above.
   */
  indented?: boolean;
  /** Text only: the line is as wide as the widest lines (a full printed line of a justified
   * paragraph), so a sentence that ends on it need not end the paragraph. */
  full?: boolean;
  /** After joining: whether the block's last line was full. */
  lastFull?: boolean;
}

export interface ImportNote {
  at: number;
  /** warning: a guess the user should check; note: a repair that is almost certainly right. */
  level: 'warning' | 'note';
  message: string;
}

/** "line" for text, "paragraph" for Word: how notes name a place. */
export type PlaceWord = 'line' | 'paragraph';
