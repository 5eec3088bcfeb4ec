// The one error the sfnt reader throws, so callers can tell a bad font file from a bug.
export class SfntError extends Error {
  override name = 'SfntError';
}
