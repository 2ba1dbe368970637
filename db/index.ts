export * from './database';
export * from './glossary-repo';
export * from './known-repo';
export * from './notes-repo';
export * from './glossaries-repo';
export * from './word-index-repo';
export * from './my-terms-repo';
export * from './backup-repo';
