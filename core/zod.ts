// zod/mini, configured once: the schemas in core/ are used by the content script too, which ships on
// every page, so they are written in the tree-shakable API. Every schema file imports `z` from here.
import { z } from 'zod/mini';
import { en } from 'zod/locales';

// jitless: never compile a parser with `new Function` (extension pages forbid eval, and store review
// flags it). zod/mini's objects do not compile today; this keeps it so if a schema or a release would.
// It is read when a schema is created, and every schema file imports `z` from here, so it comes first.
z.config({ ...en(), jitless: true });

export { z };
