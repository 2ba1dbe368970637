// zod/mini, configured once: the schemas in core/ are used by the content script too, which ships on
// every page, so they are written in the tree-shakable API. Every schema file imports `z` from here.
import { z } from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
