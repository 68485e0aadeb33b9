// Child process for the migration crash test: opens a library with an extra, slow
// migration and says when it starts; the parent kills it (SIGKILL) mid-way.
import { openDatabase } from '../../src-main/library/database';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../src-main/library/migrations';

const [file] = process.argv.slice(2) as [string];
const slow: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'slow test migration',
  up: (db) =>
    db.exec(`
    CREATE TABLE half_done (n INTEGER);
    UPDATE projects SET name = 'rewritten by the killed migration';
    WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 50000000)
    INSERT INTO half_done SELECT n FROM counter;
  `),
};
process.stdout.write('migrating\n');
setTimeout(() => openDatabase(file, { migrations: [...migrations, slow] }), 50);
setInterval(() => {}, 1000);
