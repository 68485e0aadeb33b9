/**
 * better-sqlite3 is a native module, and Node and Electron need different builds of it
 * (different ABIs). node_modules keeps Node's build (tests, CLI, browser mode); the
 * Electron shell points every database it opens at a separate Electron build through
 * better-sqlite3's `nativeBinding` option, so building one never breaks the other.
 */
import path from 'node:path';

/** The file name better-sqlite3's build produces. */
export const SQLITE_BINDING_FILE = 'better_sqlite3.node';

let electronBinding: string | null = null;

/** Called once by the Electron shell, before any database is opened. */
export function useSqliteBinding(file: string | null): void {
  electronBinding = file;
}

/** Options to pass to `new Database(…)`: empty under Node, the Electron build under Electron. */
export function sqliteBindingOptions(): { nativeBinding?: string } {
  return electronBinding ? { nativeBinding: electronBinding } : {};
}

/** Where `npm run native:electron` puts the Electron build, per platform and architecture. */
export function electronBindingBuildDir(appRoot: string, platform: string, arch: string): string {
  return path.join(appRoot, 'native-builds', `electron-${platform}-${arch}`);
}

/**
 * Where the Electron build sits: in the installed app, `resources/native/` (copied there
 * by electron-builder's extraResources); from a checkout (`npm start`), native-builds/.
 */
export function electronSqliteBindingPath(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
  platform?: string;
  arch?: string;
}): string {
  if (options.isPackaged) return path.join(options.resourcesPath, 'native', SQLITE_BINDING_FILE);
  return path.join(
    electronBindingBuildDir(options.appRoot, options.platform ?? process.platform, options.arch ?? process.arch),
    SQLITE_BINDING_FILE,
  );
}
