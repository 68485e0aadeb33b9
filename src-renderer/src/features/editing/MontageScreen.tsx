/**
 * One montage: its running order (title cards and clips, reordered with the arrows or
 * Alt+↑/↓), its settings (quality, fades, loudness, lower thirds, burnt-in subtitles),
 * the project's clips to add, and the export with its consent check. Each change is
 * saved at once; the previous order can be restored with "Annuler" (Ctrl+Z).
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Clip, Montage, MontageItem } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';
import { formatDuration } from '../../../../src-shared/time';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { isTypingIn } from '../../app/typingTarget';
import { useApiData } from '../../app/useApiData';
import { ExportPanel } from './ExportPanel';
import { ExportsList } from './ExportsList';
import { MontageSettings, type MontageChanges } from './MontageSettings';
import { ProjectClips } from './ProjectClips';

function itemSeconds(item: MontageItem, clips: Map<number, Clip>): number {
  if (item.kind === 'title') return item.seconds;
  const clip = clips.get(item.clipId);
  return clip ? clip.outSeconds - clip.inSeconds : 0;
}

export function MontageScreen({ montageId }: { montageId: number }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [error, setError] = useState<unknown>(null);
  const [titleText, setTitleText] = useState('');
  const [titleSeconds, setTitleSeconds] = useState('3');
  const [history, setHistory] = useState<MontageItem[][]>([]);
  const [exporting, setExporting] = useState(false);
  const { data } = useApiData(
    async () => {
      const montage = await api.call('montages.get', { id: montageId });
      const clips = await api.call('clips.list', { projectId: montage.projectId });
      return { montage, clips };
    },
    [montageId],
    ['montage', 'clip'],
  );

  const save = useCallback(
    async (changes: MontageChanges, remember = true) => {
      if (!data) return;
      setError(null);
      try {
        if (remember && changes.items) setHistory((list) => [...list.slice(-30), data.montage.items]);
        await api.call('montages.update', { id: montageId, changes });
      } catch (reason) {
        setError(reason);
      }
    },
    [data, montageId],
  );

  const undo = useCallback(() => {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory((list) => list.slice(0, -1));
    void save({ items: previous }, false);
  }, [history, save]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingIn(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  // after a move, focus follows the moved item (its same arrow, or the other one at an end)
  const runningOrder = useRef<HTMLOListElement>(null);
  const focusAfterMove = useRef<{ index: number; by: number; from: 'button' | 'item' } | null>(null);
  useEffect(() => {
    const wanted = focusAfterMove.current;
    const row = wanted && runningOrder.current?.children[wanted.index];
    if (!wanted || !(row instanceof HTMLElement)) return;
    focusAfterMove.current = null;
    if (wanted.from === 'item') return row.focus();
    const same = row.querySelector<HTMLButtonElement>(`button[data-move="${wanted.by < 0 ? 'up' : 'down'}"]`);
    const other = row.querySelector<HTMLButtonElement>(`button[data-move="${wanted.by < 0 ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other && !other.disabled ? other : row).focus();
  }, [data]);

  if (!data) return <main className="screen">{t('app.loading')}</main>;
  const { montage, clips } = data;
  const clipsById = new Map(clips.map((clip) => [clip.id, clip]));
  const total = montage.items.reduce((sum, item) => sum + itemSeconds(item, clipsById), 0);
  const items = montage.items;

  const move = (index: number, by: number, from: 'button' | 'item' = 'button') => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    const to = Math.max(0, Math.min(next.length, index + by));
    next.splice(to, 0, item!);
    focusAfterMove.current = { index: to, by, from };
    void save({ items: next });
  };

  function addTitle(event: FormEvent) {
    event.preventDefault();
    void save({ items: [...items, { kind: 'title', text: titleText, seconds: Number(titleSeconds) || 3 }] });
    setTitleText('');
  }

  async function remove(current: Montage) {
    if (!(await confirm(t('montage.deleteConfirm', { name: current.name }), { danger: true, confirmLabel: t('common.delete') }))) return;
    try {
      await api.call('montages.delete', { id: current.id });
      navigate({ name: 'project', projectId: current.projectId });
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <main className="screen montage-screen">
      <a className="back-link" href={hrefFor({ name: 'project', projectId: montage.projectId })}>
        <Icon name="back" /> {t('montage.back')}
      </a>
      <header className="screen-header">
        <h1>{montage.name}</h1>
        <div className="actions">
          <span className="muted" data-testid="montage-duration">
            {t('montage.duration', { duration: formatDuration(total) })}
          </span>
          <button onClick={undo} disabled={history.length === 0}>
            {t('montage.undo')}
          </button>
          <button className="primary" onClick={() => setExporting(true)} disabled={items.length === 0}>
            {t('montage.export')}
          </button>
          <button className="danger" onClick={() => void remove(montage)}>
            <Icon name="trash" /> {t('montage.delete')}
          </button>
        </div>
      </header>
      <ErrorBanner error={error} />
      {exporting && (
        <ExportPanel
          target={{ kind: 'montage', montageId }}
          name={montage.name}
          projectId={montage.projectId}
          onClose={() => setExporting(false)}
        />
      )}
      <div className="columns">
        <section className="card" aria-labelledby="running-order">
          <h2 id="running-order">{t('montage.items')}</h2>
          {items.length === 0 && <p className="empty">{t('montage.empty')}</p>}
          <ol className="running-order" ref={runningOrder}>
            {items.map((item, index) => {
              const clip = item.kind === 'clip' ? clipsById.get(item.clipId) : undefined;
              const label =
                item.kind === 'title'
                  ? t('montage.titleCard', { text: item.text, seconds: item.seconds })
                  : `${clip?.name ?? '?'} (${formatDuration(itemSeconds(item, clipsById))})`;
              return (
                <li
                  key={`${index}-${item.kind}`}
                  tabIndex={0}
                  aria-label={label}
                  onKeyDown={(event) => {
                    const from = event.target === event.currentTarget ? 'item' : 'button';
                    if (event.altKey && event.key === 'ArrowUp') move(index, -1, from);
                    else if (event.altKey && event.key === 'ArrowDown') move(index, 1, from);
                    else if (event.key === 'Delete') void save({ items: items.filter((_, i) => i !== index) });
                  }}
                >
                  <span className={item.kind === 'title' ? 'badge title-badge' : 'badge'}>
                    {item.kind === 'title' ? t('montage.title') : t('montage.clip')}
                  </span>{' '}
                  {label}
                  <span className="actions">
                    <button
                      className="small"
                      data-move="up"
                      aria-label={t('montage.up')}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      className="small"
                      data-move="down"
                      aria-label={t('montage.down')}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button className="small danger" onClick={() => void save({ items: items.filter((_, i) => i !== index) })}>
                      {t('montage.remove')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          <form className="inline-form" onSubmit={addTitle} aria-label={t('montage.addTitle')}>
            <label htmlFor="title-text">{t('montage.titleText')}</label>
            <input id="title-text" value={titleText} onChange={(e) => setTitleText(e.target.value)} required maxLength={300} />
            <label htmlFor="title-seconds">{t('montage.titleSeconds')}</label>
            <input
              id="title-seconds"
              type="number"
              min={1}
              max={30}
              value={titleSeconds}
              onChange={(e) => setTitleSeconds(e.target.value)}
            />
            <button type="submit">{t('montage.addTitle')}</button>
          </form>
          <MontageSettings montage={montage} onChange={(changes) => void save(changes)} />
        </section>
        <ProjectClips clips={clips} onAdd={(clipId) => void save({ items: [...items, { kind: 'clip', clipId }] })} />
      </div>
      <ExportsList projectId={montage.projectId} onError={setError} />
    </main>
  );
}
