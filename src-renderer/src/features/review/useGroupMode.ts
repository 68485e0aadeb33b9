/**
 * Group mode, for the big screen: turns go round every person of the project, then the
 * group; keys 1–7 (or the big buttons) drop a comment of that category for whoever's
 * turn it is, at the playhead, and pass the turn on.
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { Person } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export function useGroupMode(
  recordingId: number,
  base: { people: Person[]; categories: string[] } | null,
  videoRef: RefObject<HTMLVideoElement | null>,
) {
  const { t } = useI18n();
  const [groupMode, setGroupMode] = useState(false);
  const [turn, setTurn] = useState(0);
  // round-robin: every person of the project, then the group
  const turnOrder = useMemo(
    () => [...(base?.people ?? []).map((p) => ({ id: p.id as number | null, name: p.displayName })), { id: null, name: t('review.group') }],
    [base, t],
  );
  const current = turnOrder[turn % Math.max(1, turnOrder.length)];

  const addQuick = useCallback(
    async (index: number) => {
      const label = base?.categories[index];
      if (!label) return;
      await api.call('comments.add', {
        recordingId,
        startSeconds: videoRef.current?.currentTime ?? 0,
        category: label,
        text: label,
        authorPersonId: current?.id ?? null,
      });
      setTurn((value) => value + 1);
    },
    [base, current, recordingId, videoRef],
  );

  const toggle = useCallback(() => setGroupMode((value) => !value), []);
  const leave = useCallback(() => setGroupMode(false), []);
  const nextTurn = useCallback(() => setTurn((value) => value + 1), []);

  return { groupMode, current, addQuick, toggle, leave, nextTurn };
}

export type GroupMode = ReturnType<typeof useGroupMode>;
