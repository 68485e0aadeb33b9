/**
 * Group mode, for the big screen: turns go round every person of the project, then the
 * group; keys 1–7 (or the big buttons) drop a comment of that category for whoever's
 * turn it is, at the playhead, and pass the turn on. Each one is confirmed on screen
 * ("Posture — 00:12 — Samira") so the room sees it was taken. The group view can fill
 * the projector (Fullscreen API).
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { Comment, Person } from '../../../../src-shared/contract/schemas';
import { snapToFrame } from '../../../../src-shared/frameGrid';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export interface QuickConfirmation {
  commentId: number;
  category: string;
  startSeconds: number;
  authorName: string;
  /** Counts the presses, so two identical confirmations in a row are still announced. */
  serial: number;
}

export function useGroupMode(
  recordingId: number,
  base: { people: Person[]; categories: string[] } | null,
  videoRef: RefObject<HTMLVideoElement | null>,
  frameRate: number,
) {
  const { t } = useI18n();
  const [groupMode, setGroupMode] = useState(false);
  const [turn, setTurn] = useState(0);
  const [confirmation, setConfirmation] = useState<QuickConfirmation | null>(null);
  const [fullScreen, setFullScreen] = useState(false);
  // round-robin: every person of the project, then the group
  const turnOrder = useMemo(
    () => [...(base?.people ?? []).map((p) => ({ id: p.id as number | null, name: p.displayName })), { id: null, name: t('review.group') }],
    [base, t],
  );
  const current = turnOrder[turn % Math.max(1, turnOrder.length)];

  const addQuick = useCallback(
    async (index: number): Promise<Comment | null> => {
      const label = base?.categories[index];
      if (!label) return null;
      const comment = await api.call('comments.add', {
        recordingId,
        startSeconds: snapToFrame(videoRef.current?.currentTime ?? 0, frameRate),
        category: label,
        text: label, // completed after the session ("À compléter")
        authorPersonId: current?.id ?? null,
      });
      setConfirmation((previous) => ({
        commentId: comment.id,
        category: label,
        startSeconds: comment.startSeconds,
        authorName: current?.name ?? t('review.group'),
        serial: (previous?.serial ?? 0) + 1,
      }));
      setTurn((value) => value + 1);
      return comment;
    },
    [base, current, frameRate, recordingId, t, videoRef],
  );

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  /** Fills the screen with the group view (or gives the screen back). */
  const toggleFullScreen = useCallback(async (element: HTMLElement | null) => {
    if (document.fullscreenElement) await document.exitFullscreen();
    else if (element) await element.requestFullscreen();
  }, []);

  const toggle = useCallback(() => {
    setGroupMode((value) => !value);
    setConfirmation(null);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }, []);
  const leave = useCallback(() => {
    setGroupMode(false);
    setConfirmation(null);
  }, []);
  const nextTurn = useCallback(() => setTurn((value) => value + 1), []);

  return { groupMode, current, addQuick, toggle, leave, nextTurn, confirmation, fullScreen, toggleFullScreen };
}

export type GroupMode = ReturnType<typeof useGroupMode>;
