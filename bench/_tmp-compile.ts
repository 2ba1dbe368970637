import { compileGlossary, encodeCompiledGlossary } from '../core/compiled-glossary';
import { makeGlossary } from './synthetic-glossary';
const n = Number(process.argv[2] ?? 100000);
const terms = makeGlossary(n).map((t, i) => ({ ...t, id: `g:${i >> 2}` }));
const t0 = performance.now();
const c = compileGlossary('v', terms);
const t1 = performance.now();
const a = c.automaton;
console.log(n, 'compile ms', Math.round(t1 - t0), 'states', a.states.length, 'edges', a.edges.length, 'dense', a.dense.length, 'outputNext', a.outputNext.length, 'patternIds', a.patternIds.length, 'unitDepth', a.unitDepth.length, 'alphabet', a.alphabetSize);
