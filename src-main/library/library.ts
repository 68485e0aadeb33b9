/**
 * A library: one folder holding `library.sqlite` and the media it owns. This is the
 * service the API talks to for projects, sessions and people; it checks cross-entity
 * rules (a session's project exists...) that SQLite constraints alone would report badly.
 */
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type {
  AddPersonInput,
  CreateProjectInput,
  CreateSessionInput,
  UpdatePersonInput,
  UpdateProjectInput,
  UpdateSessionInput,
} from '../../src-shared/contract/schemas';
import { openDatabase, schemaVersion, type SqliteDatabase } from './database';
import { DATABASE_FILE_NAME, prepareLibraryFolder } from './libraryFolder';
import { MediaAssetsStore } from './mediaAssetsStore';
import { PeopleStore } from './peopleStore';
import { ProjectsStore } from './projectsStore';
import { RecordingsStore } from './recordingsStore';
import { SessionsStore } from './sessionsStore';
import { SettingsStore } from './settingsStore';

export interface OpenLibraryOptions {
  /** Injected clock, so tests can pin dates. Returns an ISO timestamp. */
  now?: () => string;
  /** Opens SQLite read-only (another process holds the library's lock). */
  readOnly?: boolean;
}

export class Library {
  readonly projects: ProjectsStore;
  readonly sessions: SessionsStore;
  readonly people: PeopleStore;
  readonly mediaAssets: MediaAssetsStore;
  readonly settings: SettingsStore;
  readonly recordings: RecordingsStore;

  private constructor(
    readonly dir: string,
    readonly db: SqliteDatabase,
    readonly now: () => string,
  ) {
    this.projects = new ProjectsStore(db, now);
    this.sessions = new SessionsStore(db, now);
    this.people = new PeopleStore(db, now);
    this.mediaAssets = new MediaAssetsStore(db, dir, now);
    this.settings = new SettingsStore(db);
    this.recordings = new RecordingsStore(db, now);
  }

  static open(dir: string, options: OpenLibraryOptions = {}): Library {
    const absoluteDir = path.resolve(dir);
    if (!options.readOnly) prepareLibraryFolder(absoluteDir);
    const db = openDatabase(path.join(absoluteDir, DATABASE_FILE_NAME), { readOnly: options.readOnly });
    return new Library(absoluteDir, db, options.now ?? (() => new Date().toISOString()));
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- writes that span stores, each in one transaction ----

  createProject(input: CreateProjectInput) {
    return this.projects.create(input);
  }

  updateProject(input: UpdateProjectInput) {
    return this.projects.update(input);
  }

  createSession(input: CreateSessionInput) {
    return this.db.transaction(() => {
      this.requireProject(input.projectId, 'projectId');
      const session = this.sessions.create(input);
      this.projects.touch(input.projectId);
      return session;
    })();
  }

  updateSession(input: UpdateSessionInput) {
    return this.db.transaction(() => {
      const session = this.sessions.update(input);
      this.projects.touch(session.projectId);
      return session;
    })();
  }

  addPerson(input: AddPersonInput) {
    return this.db.transaction(() => {
      this.requireProject(input.projectId, 'projectId');
      const person = this.people.add(input);
      this.projects.touch(input.projectId);
      return person;
    })();
  }

  updatePerson(input: UpdatePersonInput) {
    return this.db.transaction(() => {
      const person = this.people.update(input);
      this.projects.touch(person.projectId);
      return person;
    })();
  }

  listSessions(projectId: number) {
    this.requireProject(projectId, 'projectId');
    return this.sessions.listByProject(projectId);
  }

  listPeople(projectId: number) {
    this.requireProject(projectId, 'projectId');
    return this.people.listByProject(projectId);
  }

  private requireProject(projectId: number, field: string): void {
    const row = this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId);
    if (!row) {
      throw new AppError('not-found', `Aucun projet n’a le numéro ${projectId}.`, {
        field,
        hint: 'Il a peut-être été supprimé : revenez à la liste des projets pour voir ceux qui existent.',
      });
    }
  }
}
