/**
 * Drawing a clip's blur region on the picture: which clip is being drawn for (set from
 * the clips panel), the player brought into view, and the region saved on the clip.
 */
import { useEffect, useRef, useState } from 'react';
import type { BlurBox } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';

export function useBlurBoxDrawing(setError: (error: unknown) => void) {
  const [clipId, setClipId] = useState<number | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  // drawing a blur region happens on the picture: bring it into view
  useEffect(() => {
    if (clipId !== null) wrapRef.current?.scrollIntoView({ block: 'center' });
  }, [clipId]);

  const cancel = () => setClipId(null);
  const done = (blurBox: BlurBox) => {
    setClipId(null);
    if (clipId !== null) void api.call('clips.update', { id: clipId, changes: { blurBox } }).catch(setError);
  };

  return { clipId, wrapRef, start: setClipId, cancel, done };
}
