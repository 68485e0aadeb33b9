/**
 * A place to sign with a finger, a pen or the mouse (pointer events, no scrolling while
 * drawing), with « Effacer » to start again. Someone who cannot sign by hand ticks « Signer
 * en écrivant son nom » and types their full name instead. Hands back a PNG (base64) once a
 * stroke is drawn, or the typed name.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface SignatureValue {
  /** The drawn signature, PNG base64 (no data: prefix). */
  png?: string;
  typedName?: string;
}

const WIDTH = 600;
const HEIGHT = 180;

export function SignaturePad({
  id,
  signer,
  value,
  onChange,
}: {
  id: string;
  /** Who signs here ("Maël", "Anne Martin (Parent 1)"). */
  signer: string;
  value: SignatureValue | undefined;
  onChange(value: SignatureValue | undefined): void;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const [typed, setTyped] = useState(value?.typedName !== undefined);

  // a value cleared from outside (after a save) clears the picture too
  useEffect(() => {
    if (value?.png === undefined) canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
  }, [value?.png]);

  function point(event: PointerEvent<HTMLCanvasElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * WIDTH, y: ((event.clientY - box.top) / box.height) * HEIGHT };
  }

  function start(event: PointerEvent<HTMLCanvasElement>) {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = point(event);
  }

  function move(event: PointerEvent<HTMLCanvasElement>) {
    const from = drawing.current;
    const context = canvas.current?.getContext('2d');
    if (!from || !context) return;
    const to = point(event);
    context.strokeStyle = '#111';
    context.lineWidth = event.pointerType === 'pen' ? 2 + 2 * (event.pressure || 0.5) : 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    drawing.current = to;
  }

  function end() {
    if (!drawing.current || !canvas.current) return;
    drawing.current = null;
    onChange({ png: canvas.current.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
  }

  function clear() {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(undefined);
  }

  return (
    <fieldset className="signature-pad">
      <legend>{t('signature.legend', { name: signer })}</legend>
      {typed ? (
        <div className="field">
          <label htmlFor={`${id}-typed`}>{t('signature.typedName')}</label>
          <input
            id={`${id}-typed`}
            value={value?.typedName ?? ''}
            maxLength={120}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value.trim() ? { typedName: event.target.value } : undefined)}
          />
        </div>
      ) : (
        <>
          <canvas
            ref={canvas}
            id={id}
            width={WIDTH}
            height={HEIGHT}
            className="signature-canvas"
            role="img"
            aria-label={t(value?.png ? 'signature.canvasSigned' : 'signature.canvas', { name: signer })}
            onPointerDown={start}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
          />
          <p className="muted signature-state" aria-live="polite">
            {value?.png ? t('signature.signed') : t('signature.hint')}
          </p>
        </>
      )}
      <div className="actions">
        {!typed && (
          <button type="button" className="small" onClick={clear} disabled={!value?.png}>
            {t('signature.clear')}
          </button>
        )}
        <label className="signature-typed-switch">
          <input
            type="checkbox"
            checked={typed}
            onChange={(event) => {
              setTyped(event.target.checked);
              onChange(undefined);
            }}
          />
          {t('signature.typeInstead')}
        </label>
      </div>
    </fieldset>
  );
}
