export {};
// `npm run bench`: every benchmark, each printing ours beside a baseline measured in the same run.
await import('./matcher-node');
await import('./compiled-form');
await import('./storage-route');
await import('./shared-route');
await import('./page-bench');
await import('./hover-bench');
await import('./search-bench');
await import('./pdf-first-page');
