/**
 * A refused request says, in French, which field is wrong and how, with the field's
 * label from the one table (fieldLabels.ts) — through the browser-mode API, as the UI sees it.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/apiServer';

const server = await startTestServer(null);

describe('validation messages in French', () => {
  it('names the missing title, the misshapen date and the unknown kind in French', async () => {
    const project = (await server.call('projects.create', { name: 'Atelier Lens', kind: 'interview-workshop' })).json.result;

    const noName = await server.call('projects.create', { kind: 'interview-workshop' });
    expect(noName.status).toBe(400);
    expect(noName.json.error).toMatchObject({ code: 'invalid-input', field: 'name', message: 'Le nom est obligatoire.' });
    expect(noName.json.error.hint).toBe('Corrigez le nom puis réessayez : rien n’a été modifié.');

    const badDate = await server.call('sessions.create', { projectId: project.id, date: '23/11/2026' });
    expect(badDate.json.error).toMatchObject({ field: 'date', message: 'La date doit être au format JJ/MM/AAAA.' });

    const noDay = await server.call('sessions.create', { projectId: project.id, date: '2026-02-30' });
    expect(noDay.json.error.message).toBe('La date n’existe pas dans le calendrier : vérifiez le jour et le mois.');

    const kind = await server.call('projects.create', { name: 'X', kind: 'picnic' });
    expect(kind.json.error.message).toBe('Le type de projet n’est pas un choix possible.');

    const empty = await server.call('projects.create', { name: '   ', kind: 'interview-workshop' });
    expect(empty.json.error.message).toBe('Le nom ne peut pas être vide.');

    const long = await server.call('projects.create', { name: 'a'.repeat(500), kind: 'interview-workshop' });
    expect(long.json.error.message).toMatch(/^Le nom ne doit pas dépasser \d+ caractères\.$/);

    const extra = await server.call('projects.create', { name: 'Y', kind: 'interview-workshop', colour: 'red' });
    expect(extra.json.error).toMatchObject({ field: 'colour', message: 'Le champ « colour » n’est pas attendu ici.' });

    const dates = await server.call('projects.create', {
      name: 'Z',
      kind: 'interview-workshop',
      startDate: '2026-03-10',
      endDate: '2026-03-01',
    });
    expect(dates.json.error).toMatchObject({ field: 'endDate', message: 'La date de fin est avant la date de début.' });
  });

  it('never sends the English words of the schema library', async () => {
    const samples = [
      await server.call('projects.create', {}),
      await server.call('sessions.create', { projectId: 'un', date: 5 }),
      await server.call('people.add', { projectId: 1, displayName: '', role: 'astronaut' }),
    ];
    for (const sample of samples) {
      expect(sample.status).toBe(400);
      expect(`${sample.json.error.message} ${sample.json.error.hint}`).not.toMatch(/Invalid|expected|received|Required|input/);
    }
  });
});
