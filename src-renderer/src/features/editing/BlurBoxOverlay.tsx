/**
 * Drawn over the player: drag a rectangle around a face to pixelate it in exports of
 * one clip. Coordinates are saved as fractions of the picture, so they hold at any size.
 * Escape cancels.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { BlurBox } from '../../../../src-shared/contract/schemas/editing';
import { useI18n } from '../../i18n/i18n';

const clamp = (value: number) => Math.max(0, Math.min(1, value));

export function BlurBoxOverlay({ onDone, onCancel }: { onDone(box: BlurBox): void; onCancel(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [box, setBox] = useState<BlurBox | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  const point = (event: PointerEvent) => {
    const rect = ref.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  const boxFrom = (a: { x: number; y: number }, b: { x: number; y: number }): BlurBox => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  });

  return (
    <div
      ref={ref}
      className="blur-overlay"
      role="application"
      aria-label={t('clips.drawing')}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const p = point(event);
        setStart(p);
        setBox({ x: p.x, y: p.y, w: 0, h: 0 });
      }}
      onPointerMove={(event) => start && setBox(boxFrom(start, point(event)))}
      onPointerUp={(event) => {
        if (!start) return;
        const drawn = boxFrom(start, point(event));
        setStart(null);
        if (drawn.w >= 0.02 && drawn.h >= 0.02) onDone(drawn);
      }}
    >
      <p className="blur-hint">{t('clips.drawing')}</p>
      {box && (
        <div
          className="blur-box"
          style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.w * 100}%`, height: `${box.h * 100}%` }}
        />
      )}
    </div>
  );
}
