/** Projects, sessions and people: the library's own records. */

import type { HandlerTable } from './handlerTable';
import { retentionMonthsDefault } from './settings';

export const projectHandlers = {
  'projects.list': (_input, ctx) => ctx.library.projects.list(),
  'projects.get': (input, ctx) => ctx.library.projects.get(input.id),
  'projects.create': (input, ctx) => {
    const project = ctx.library.createProject({ ...input, retentionMonths: input.retentionMonths ?? retentionMonthsDefault(ctx) });
    ctx.events.emit('data.changed', { entity: 'project', id: project.id, projectId: project.id, change: 'created' });
    return project;
  },
  'projects.update': (input, ctx) => {
    const project = ctx.library.updateProject(input);
    ctx.events.emit('data.changed', { entity: 'project', id: project.id, projectId: project.id, change: 'updated' });
    return project;
  },
  'projects.delete': async (input, ctx) => {
    await ctx.erasure.deleteProject(input.id);
    ctx.events.emit('data.changed', { entity: 'project', id: input.id, projectId: input.id, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'sessions.list': (input, ctx) => ctx.library.listSessions(input.projectId),
  'sessions.get': (input, ctx) => ctx.library.sessions.get(input.id),
  'sessions.create': (input, ctx) => {
    const session = ctx.library.createSession(input);
    ctx.events.emit('data.changed', { entity: 'session', id: session.id, projectId: session.projectId, change: 'created' });
    return session;
  },
  'sessions.update': (input, ctx) => {
    const session = ctx.library.updateSession(input);
    ctx.events.emit('data.changed', { entity: 'session', id: session.id, projectId: session.projectId, change: 'updated' });
    return session;
  },
  'sessions.delete': (input, ctx) => {
    const session = ctx.library.sessions.get(input.id);
    ctx.library.sessions.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'session', id: input.id, projectId: session.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'people.list': (input, ctx) => ctx.library.listPeople(input.projectId),
  'people.appearances': (input, ctx) => {
    const person = ctx.library.people.get(input.personId, 'personId');
    return { personId: person.id, recordings: ctx.library.recordings.appearancesOf(person.id), exports: ctx.exports.showing(person.id) };
  },
  'people.add': (input, ctx) => {
    const person = ctx.library.addPerson(input);
    ctx.events.emit('data.changed', { entity: 'person', id: person.id, projectId: person.projectId, change: 'created' });
    return person;
  },
  'people.update': (input, ctx) => ctx.peopleChanges.updatePerson(input),
  'people.delete': async (input, ctx) => {
    await ctx.erasure.deletePerson(input.id, input.actor, input.reason);
    return { deleted: true, id: input.id } as const;
  },
} satisfies HandlerTable;
