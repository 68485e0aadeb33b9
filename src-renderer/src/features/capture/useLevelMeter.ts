/**
 * The microphone level (0–1) of a stream, refreshed every animation frame, for the
 * meter under the preview; nothing runs while there is no stream.
 */
import { useEffect, useState } from 'react';
import { LevelMeter } from './levelMeter';

export function useLevelMeter(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream) return;
    const meter = new LevelMeter(stream);
    let frame = 0;
    const tick = () => {
      setLevel(meter.level());
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      meter.close();
    };
  }, [stream]);
  return level;
}
