// The XMP metadata's description of the document: the Info dictionary again, as PDF/A
// wants it (every entry mirrored with an equal value), its text escaped. pdfkit wraps it
// in the packet and adds the PDF/A identification.

export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  date: Date;
}

/** Text as XML character data or attribute value. */
function xmlEscape(s: string): string {
  // XML 1.0 has no way to write most control characters: drop them.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The date as the Info dictionary has it (UTC, whole seconds). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function xmpDescriptions(i: XmpInfo): string {
  const t = xmlEscape;
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${t(s)}</rdf:li></rdf:Alt>`;
  const desc = (ns: string, body: string[]) => `<rdf:Description rdf:about="" ${ns}>\n${body.map((b) => ` ${b}\n`).join('')}</rdf:Description>`;
  return [
    desc('xmlns:dc="http://purl.org/dc/elements/1.1/"', [
      '<dc:format>application/pdf</dc:format>',
      `<dc:title>${alt(i.title)}</dc:title>`,
      `<dc:creator><rdf:Seq><rdf:li>${t(i.author)}</rdf:li></rdf:Seq></dc:creator>`,
      `<dc:description>${alt(i.subject)}</dc:description>`,
    ]),
    desc('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', [
      `<xmp:CreateDate>${xmpDate(i.date)}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${xmpDate(i.date)}</xmp:ModifyDate>`,
      `<xmp:MetadataDate>${xmpDate(i.date)}</xmp:MetadataDate>`,
      `<xmp:CreatorTool>${t(i.creator)}</xmp:CreatorTool>`,
    ]),
    desc('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', [`<pdf:Producer>${t(i.producer)}</pdf:Producer>`, `<pdf:Keywords>${t(i.keywords)}</pdf:Keywords>`]),
  ].join('\n');
}
