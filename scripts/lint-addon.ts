/**
 * Mozilla's addons-linter on the Firefox build, as a store reviewer runs it (`npm run lint:addon`).
 * Fails on any error, and on any warning but the ones PDF.js's own files carry (listed below with
 * why each is there and why it cannot run): every warning in our code fails the run.
 *
 *   npx tsx scripts/lint-addon.ts [.output/firefox-mv2]
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * PDF.js (pdfjs-dist, legacy build: its core-js polyfills included) in the viewer's chunk and its
 * worker. `Function(…)` there is core-js probing for Node's `require` and the global object, PDF.js
 * probing whether eval works (`isEvalSupported`) and compiling PostScript functions when it does —
 * the extension's CSP forbids eval, so each probe fails and PDF.js interprets instead; the
 * `innerHTML` is its XFA-form layer, which the viewer never switches on (`enableXfa` is off); the
 * dynamic imports are its fake worker and optional decoders, each loading a file of the extension.
 */
const PDFJS_FILE = /^(chunks\/pdf-[\w-]+\.js|assets\/pdf\.worker\.min-[\w-]+\.mjs)$/;
const PDFJS_CODES = new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);

const dir = process.argv[2] ?? '.output/firefox-mv2';
const bin = createRequire(import.meta.url).resolve('addons-linter/bin/addons-linter');
let output: string;
try {
  output = execFileSync(process.execPath, [bin, '--output', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
} catch (error) {
  // It exits non-zero when it finds errors; the report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
  if (!output) throw error;
}
const report = JSON.parse(output) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const fromPdfjs = (f: Finding) => !!f.file && PDFJS_FILE.test(f.file) && PDFJS_CODES.has(f.code);
const failing = [...report.errors, ...report.warnings.filter((w) => !fromPdfjs(w))];
const where = (f: Finding) => `${f.file ?? '(manifest)'}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}`;

console.log(
  `addons-linter on ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${report.warnings.filter(fromPdfjs).length} in PDF.js's files, allowed), ${report.notices.length} notices`,
);
for (const f of failing) console.log(`  ${f.code} ${where(f)}: ${f.message}`);
if (failing.length > 0) {
  console.error(`${failing.length} finding(s) a store reviewer would see in our code: fix them.`);
  process.exit(1);
}
