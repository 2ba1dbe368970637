// Modules of data computed from the bundled glossary by the build (scripts/glossary-derived-plugin.ts).

declare module 'virtual:glossary-derived/search' {
  import type { SearchDerived } from '@/core/glossary-derived';
  export const glossaryVersion: SearchDerived['glossaryVersion'];
  export const prominence: SearchDerived['prominence'];
  export const entries: SearchDerived['entries'];
  export const searchIndexJson: SearchDerived['searchIndexJson'];
}

declare module 'virtual:glossary-derived/letter' {
  import type { LetterDerived } from '@/core/glossary-derived';
  export const blocks: LetterDerived['blocks'];
  export const quoteTargets: LetterDerived['quoteTargets'];
}

declare module 'virtual:glossary-derived/compiled' {
  import type { CompiledDerived } from '@/core/glossary-derived';
  export const compiledGlossary: CompiledDerived['compiledGlossary'];
}
