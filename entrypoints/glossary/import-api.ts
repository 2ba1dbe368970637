// The parsers' API, in one place (core/import).
export { parseGlossaryFile } from '@/core/import';
