/** Sync through the browser's own account sync (`storage.sync`): pure parts, tested in Node. */
export * from './clock';
export * from './codec';
export * from './decode';
export * from './format';
export * from './local';
export * from './merge';
export * from './quota';
export * from './status';
