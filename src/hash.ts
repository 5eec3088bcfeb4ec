// The program's one hash: SHA-256 (node:crypto), for what a PDF was built from, the PDF
// itself, and which shard an input belongs to.
import { createHash } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
