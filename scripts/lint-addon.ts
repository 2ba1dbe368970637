/**
 * Mozilla's addons-linter on the Firefox build, as a store reviewer runs it (`npm run lint:addon`).
 * Fails on any error or warning. PDF.js's unreachable code that used to be flagged (eval probes, an
 * innerHTML write, dynamic imports) is cut at build time: scripts/pdfjs-cuts-plugin.ts.
 *
 *   npx tsx scripts/lint-addon.ts [.output/firefox-mv2]
 *   npx tsx scripts/lint-addon.ts --code-only .output/chrome-mv3
 *
 * `--code-only` checks another build's files but not its manifest, which the linter judges by
 * Firefox's rules (a Chrome manifest has no gecko id, no background scripts, by design).
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

const args = process.argv.slice(2);
const codeOnly = args.includes('--code-only');
const dir = args.find((a) => !a.startsWith('--')) ?? '.output/firefox-mv2';
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
const ofManifest = (f: Finding) => !f.file || f.file === 'manifest.json';
const failing = [...report.errors, ...report.warnings].filter((f) => !(codeOnly && ofManifest(f)));
const where = (f: Finding) => `${f.file ?? '(manifest)'}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}`;

const skipped = report.errors.length + report.warnings.length - failing.length;
console.log(
  `addons-linter on ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ` +
    `${report.notices.length} notices${codeOnly ? ` (${skipped} about its manifest, not checked)` : ''}`,
);
for (const f of failing) console.log(`  ${f.code} ${where(f)}: ${f.message}`);
if (failing.length > 0) {
  console.error(`${failing.length} finding(s) a store reviewer would see: fix them.`);
  process.exit(1);
}
