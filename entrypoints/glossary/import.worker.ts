import { openDatabase } from '@/db';
import type { FromWorker, ToWorker } from '@/ui-data/import-protocol';
import { parseGlossaryFile } from './import-api';
import { createImportJobs } from './import-job';

// The glossary page's import worker: parsing a 100 MB file and writing its entries happen here, off
// the page's thread. Started by ui-data/glossary-import.ts; bundled by Vite from the `new Worker(new
// URL(…))` in GlossariesScreen.tsx (one file in assets/, loaded from the extension's origin).
const jobs = createImportJobs({
  db: openDatabase(),
  parse: parseGlossaryFile,
  post: (message: FromWorker) => postMessage(message),
});

addEventListener('message', (event: MessageEvent<ToWorker>) => void jobs.handle(event.data));
