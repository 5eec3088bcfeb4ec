// Node 22.1 and later can keep the compiled code of the modules a run loads (pdfkit,
// fontkit …) in its own cache on disk, for the next run; Node 20 has no such call and
// compiles them each time. Imported first, so the modules below go through it.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
