import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/appError';
import { validateInput } from '../../src-main/app';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid-input');
    return (error as AppError).field;
  }
  throw new Error('expected a validation error');
}

describe('API input validation', () => {
  it('accepts a well-formed project and trims text', () => {
    const input = validateInput('projects.create', { name: '  Atelier  ', kind: 'interview-workshop', startDate: '2026-01-05' });
    expect(input).toMatchObject({ name: 'Atelier', startDate: '2026-01-05' });
  });

  it('names the faulty field', () => {
    expect(fieldOf(() => validateInput('projects.create', { kind: 'interview-workshop' }))).toBe('name');
    expect(fieldOf(() => validateInput('projects.create', { name: '   ', kind: 'interview-workshop' }))).toBe('name');
    expect(fieldOf(() => validateInput('projects.create', { name: 'A', kind: 'party' }))).toBe('kind');
    expect(fieldOf(() => validateInput('projects.create', { name: 'A', kind: 'interview-workshop', startDate: '05/01/2026' }))).toBe(
      'startDate',
    );
    expect(
      fieldOf(() => validateInput('people.add', { projectId: 1, displayName: 'Léa', role: 'job-seeker', birthDate: '2010-02-30' })),
    ).toBe('birthDate');
    expect(fieldOf(() => validateInput('people.add', { projectId: '1', displayName: 'Léa', role: 'job-seeker' }))).toBe('projectId');
    expect(fieldOf(() => validateInput('sessions.create', { projectId: 1, date: '2026-01-01', sneaky: true }))).toBe('sneaky');
  });

  it('refuses end dates before start dates, control characters and huge text', () => {
    expect(
      fieldOf(() =>
        validateInput('projects.create', { name: 'A', kind: 'interview-workshop', startDate: '2026-02-01', endDate: '2026-01-01' }),
      ),
    ).toBe('endDate');
    expect(fieldOf(() => validateInput('projects.create', { name: 'A\u0007', kind: 'interview-workshop' }))).toBe('name');
    expect(fieldOf(() => validateInput('projects.create', { name: 'x'.repeat(201), kind: 'interview-workshop' }))).toBe('name');
  });

  it('keeps accents, apostrophes and emoji intact', () => {
    const input = validateInput('people.add', { projectId: 3, displayName: "Zoë N'Diaye 🎤", role: 'young-person' });
    expect(input.displayName).toBe("Zoë N'Diaye 🎤");
  });
});
