/**
 * Window size and position remembered between runs, kept on a screen that still exists
 * (a laptop unplugged from the big screen must not open its window off-screen).
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rectangle {
  maximized: boolean;
}

export const DEFAULT_WINDOW = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * The bounds to open with: the saved ones when at least a quarter of the window sits on
 * a display's work area (shrunk to fit it), else the default size centred on the primary.
 */
export function restoreWindowBounds(saved: WindowState | null, workAreas: Rectangle[]): { bounds: Rectangle; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW.width, height: DEFAULT_WINDOW.height };
  const centred = (): Rectangle => {
    const width = Math.min(DEFAULT_WINDOW.width, primary.width);
    const height = Math.min(DEFAULT_WINDOW.height, primary.height);
    return {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    };
  };
  if (!saved) return { bounds: centred(), maximized: false };
  const best = workAreas.map((area) => ({ area, shared: overlap(saved, area) })).sort((a, b) => b.shared - a.shared)[0];
  if (!best || best.shared < (saved.width * saved.height) / 4) return { bounds: centred(), maximized: saved.maximized };
  const { area } = best;
  const width = Math.max(DEFAULT_WINDOW.minWidth, Math.min(saved.width, area.width));
  const height = Math.max(DEFAULT_WINDOW.minHeight, Math.min(saved.height, area.height));
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
