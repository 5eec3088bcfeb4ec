// Own sfnt reader and TrueType subsetter: reads only the bytes a build needs (positioned
// reads), so the hot path needs neither fontkit nor pdfkit.
export { type Outlines, type SfntFace } from './face.js';
export { openSfnt, sfntMembers } from './open.js';
export { SfntError } from './sfnt-error.js';
export { writeSfnt, tableChecksum } from './write-sfnt.js';
