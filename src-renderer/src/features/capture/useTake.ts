/**
 * What is being filmed: the kind of take (by default the project's), its title, and
 * who is in it with the part each plays. `capture` is what the recorder sends on start.
 */
import { useMemo, useState } from 'react';
import type { ProjectKind, RecordingKind } from '../../../../src-shared/contract/schemas';
import { recordingKindFor } from './recordingKind';

export function useTake(projectKind: ProjectKind | undefined) {
  const [chosenKind, setKind] = useState<RecordingKind | null>(null);
  const [title, setTitle] = useState('');
  const [selectedPeople, setSelectedPeople] = useState<number[]>([]);
  const [parts, setParts] = useState<Record<number, string>>({});
  const kind = chosenKind ?? recordingKindFor(projectKind);

  const togglePerson = (personId: number) =>
    setSelectedPeople((list) => (list.includes(personId) ? list.filter((id) => id !== personId) : [...list, personId]));
  const setPart = (personId: number, part: string) => setParts((current) => ({ ...current, [personId]: part }));

  // kept stable between renders, so the countdown is not restarted by unrelated updates
  const capture = useMemo(
    () => ({
      kind,
      title,
      people: selectedPeople.map((personId) => ({ personId, ...(parts[personId] ? { part: parts[personId] } : {}) })),
    }),
    [kind, title, selectedPeople, parts],
  );

  return { kind, setKind, title, setTitle, selectedPeople, togglePerson, parts, setPart, capture };
}

export type Take = ReturnType<typeof useTake>;
export type TakeCapture = Take['capture'];
