/**
 * Data shapes shared by every side of the app, one file per feature: what a project, a
 * recording or a consent looks like on the wire, and what each API call accepts. Plain
 * zod, no Node or DOM, so the renderer can import the types and the main side validates.
 */
export * from './common';
export * from './projects';
export * from './recordings';
export * from './consent';
export * from './review';
export * from './search';
export * from './editing';
export * from './packs';
export * from './settings';
export * from './recall';
export * from './retention';
export * from './faces';
export * from './appearances';
