/**
 * The project's clips beside a montage, each with its length and themes, to add at the
 * end of the running order.
 */
import type { Clip } from '../../../../src-shared/contract/schemas/editing';
import { formatDuration } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';

export function ProjectClips({ clips, onAdd }: { clips: Clip[]; onAdd(clipId: number): void }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="project-clips">
      <h2 id="project-clips">{t('montage.clips')}</h2>
      {clips.length === 0 && <p className="empty">{t('montage.noClips')}</p>}
      <ul className="clip-list">
        {clips.map((clip) => (
          <li key={clip.id} className="clip">
            <div>
              <strong>{clip.name}</strong> <span className="muted">{formatDuration(clip.outSeconds - clip.inSeconds)}</span>
              {clip.tags.map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
            </div>
            <button className="small" aria-label={t('montage.addClipNamed', { name: clip.name })} onClick={() => onAdd(clip.id)}>
              {t('montage.addClip')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
