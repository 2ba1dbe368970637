import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cutPdfjs, type PdfjsFile } from './pdfjs-cuts-plugin';

const resolve = createRequire(import.meta.url).resolve;
const PATHS: Record<PdfjsFile, string> = {
  'pdf.mjs': 'pdfjs-dist/legacy/build/pdf.mjs',
  'pdf_viewer.mjs': 'pdfjs-dist/legacy/web/pdf_viewer.mjs',
  'pdf.worker.min.mjs': 'pdfjs-dist/legacy/build/pdf.worker.min.mjs',
};
const read = (file: PdfjsFile) => readFileSync(resolve(PATHS[file]), 'utf8');

/** What addons-linter flags: the Function constructor, an innerHTML write, import() of a non-literal. */
const FLAGGED = [/\bFunction\(/g, /\.innerHTML\s*=/g, /\bimport\((?!\s*["'`])/g];
const flagged = (code: string) => FLAGGED.flatMap((re) => code.match(re) ?? []);

describe('PDF.js cuts (store review)', () => {
  it.each(Object.keys(PATHS) as PdfjsFile[])('leaves nothing the linter flags in %s', (file) => {
    const code = read(file);
    expect(flagged(code).length).toBeGreaterThan(0);
    expect(flagged(cutPdfjs(file, code))).toEqual([]);
  });

  it('fails, naming the snippet, when a snippet is missing or found twice', () => {
    const code = read('pdf.mjs');
    const probe = 'new Function("");';
    expect(() => cutPdfjs('pdf.mjs', code.replace(probe, 'new Function();'))).toThrow(
      /pdf\.mjs: expected this snippet once, found it 0 times \(the isEvalSupported probe/,
    );
    expect(() => cutPdfjs('pdf.mjs', code + code)).toThrow(/found it 2 times/);
  });
});
