import { describe, expect, it } from 'vitest';
import { validateInput } from '../../src-main/app';

describe('free text typed by a person', () => {
  it('loses bidi overrides and isolates, so a name cannot be shown reversed or hide a part', () => {
    const input = validateInput('projects.create', { name: 'Atelier \u202eelbuod\u202c \u2066Béthune\u2069', kind: 'interview-workshop' });
    expect(input.name).toBe('Atelier elbuod Béthune');
    expect(/[\u202a-\u202e\u2066-\u2069]/.test(input.name)).toBe(false);
  });

  it('still refuses control characters and an empty name once overrides are gone', () => {
    expect(() => validateInput('projects.create', { name: 'A\u0007B', kind: 'interview-workshop' })).toThrow(
      /Le nom contient des caractères de contrôle/,
    );
    expect(() => validateInput('projects.create', { name: '\u202e\u202c', kind: 'interview-workshop' })).toThrow(
      /Le nom ne peut pas être vide/,
    );
  });
});
