export * from './database';
export * from './glossary-repo';
