/**
 * A still of each title card of an export, drawn by the same filters as the render
 * (titleCard.ts), so the panel shows what the film will show before anything is rendered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FfmpegBinaries } from '../media/binaries';
import { runFfmpeg } from '../media/runFfmpeg';
import { resourcesDir } from '../platform/resourcesDir';
import { TITLE_BACKGROUND, WORK_FILES } from './renderArgs';
import type { RenderPlan } from './renderPlan';
import { layoutTitle, titleDrawtexts, titleWorkFiles } from './titleCard';

export interface TitleStill {
  /** Title card number, from 1. */
  number: number;
  lines: string[];
  /** A PNG, as a data: URL the page can show. */
  png: string;
}

/** One PNG per title card of the plan (the text as it will go out, after the text gate). */
export async function titleStills(plan: RenderPlan, binaries: Pick<FfmpegBinaries, 'ffmpeg'>): Promise<TitleStill[]> {
  const titles = plan.segments.flatMap((segment, index) => (segment.kind === 'title' ? [{ segment, index }] : []));
  if (titles.length === 0) return [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `eric-title-${crypto.randomUUID().slice(0, 8)}-`));
  try {
    fs.copyFileSync(path.join(resourcesDir(), 'fonts', 'DejaVuSans-Bold.ttf'), path.join(work, WORK_FILES.boldFont));
    const stills: TitleStill[] = [];
    for (const [n, { segment, index }] of titles.entries()) {
      const layout = layoutTitle(segment.text, plan.width, plan.height);
      for (const file of titleWorkFiles(layout, index)) fs.writeFileSync(path.join(work, file.name), file.content);
      const out = `still-${index}.png`;
      await runFfmpeg(
        binaries,
        [
          '-f',
          'lavfi',
          '-i',
          `color=c=${TITLE_BACKGROUND}:s=${plan.width}x${plan.height}:r=1`,
          '-vf',
          titleDrawtexts(layout, index, plan.height, WORK_FILES.boldFont),
          '-frames:v',
          '1',
          out,
        ],
        { cwd: work, purpose: 'dessiner le carton titre' },
      );
      stills.push({
        number: n + 1,
        lines: layout.lines,
        png: `data:image/png;base64,${fs.readFileSync(path.join(work, out)).toString('base64')}`,
      });
    }
    return stills;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
