/**
 * Prints the shape of the product code: the import graph between top-level folders, the five
 * largest files and functions, and product files over 400 lines. `npx tsx scripts/code-shape.ts`
 * (optionally with a checkout's path). The layering itself is enforced by ESLint
 * (`no-restricted-imports` in eslint.config.js); this script shows it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? '.');
const PRODUCT = ['core', 'db', 'messaging', 'settings', 'i18n', 'page', 'components', 'ui-data', 'entrypoints'];
const isTest = (f: string) => /\.(test|browser\.test|reference)\.tsx?$/.test(f);

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(walk(full));
    else if (/\.tsx?$/.test(name) && !isTest(name)) out.push(full);
  }
  return out;
}

const files = PRODUCT.flatMap((d) => {
  try {
    return walk(path.join(root, d));
  } catch {
    return [];
  }
});
const folderOf = (file: string) => path.relative(root, file).split(path.sep)[0]!;

const edges = new Map<string, Set<string>>();
const functions: { name: string; lines: number }[] = [];
const sizes: { file: string; lines: number }[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(root, file);
  sizes.push({ file: rel, lines: text.split('\n').length });
  const from = folderOf(file);
  for (const m of text.matchAll(/(?:from|import)\s+['"](@\/|\.\.?\/)([^'"]+)['"]/g)) {
    const target = m[1] === '@/' ? m[2]!.split('/')[0]! : folderOf(path.resolve(path.dirname(file), `${m[1]}${m[2]}`));
    if (target !== from && PRODUCT.includes(target)) {
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(target);
    }
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node, owner: string) => {
    let name: string | null = null;
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) name = node.name.getText();
    else if (ts.isVariableDeclaration(node) && node.initializer && ts.isArrowFunction(node.initializer))
      name = node.name.getText();
    if (name) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({ name: `${rel}: ${owner ? `${owner}.` : ''}${name}`, lines: end - start + 1 });
    }
    const nextOwner = ts.isClassDeclaration(node) && node.name ? node.name.getText() : owner;
    ts.forEachChild(node, (child) => visit(child, nextOwner));
  };
  visit(source, '');
}

console.log('Imports between folders (product code, tests excluded):');
for (const from of PRODUCT) {
  const to = [...(edges.get(from) ?? [])].sort();
  if (files.some((f) => folderOf(f) === from))
    console.log(`  ${from.padEnd(12)} → ${to.join(', ') || '(nothing of ours)'}`);
}
console.log('\nFive largest files:');
for (const s of sizes.sort((a, b) => b.lines - a.lines).slice(0, 5))
  console.log(`  ${String(s.lines).padStart(5)}  ${s.file}`);
console.log('\nFive largest functions:');
for (const f of functions.sort((a, b) => b.lines - a.lines).slice(0, 5))
  console.log(`  ${String(f.lines).padStart(5)}  ${f.name}`);
const over = sizes.filter((s) => s.lines > 400);
console.log(
  `\nProduct files over 400 lines: ${over.length ? over.map((s) => `${s.file} (${s.lines})`).join(', ') : 'none'}`,
);
