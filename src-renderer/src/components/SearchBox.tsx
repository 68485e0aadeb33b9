/**
 * One search field for the whole library: comments (by their words, accents ignored),
 * recordings, people and clips, each result a link to where it lives.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { searchResultsSchema } from '../../../src-shared/contract/schemas';
import { api } from '../api/client';
import { formatClock } from '../../../src-shared/time';
import { useI18n } from '../i18n/i18n';
import { hrefFor } from '../app/router';

type Results = z.infer<typeof searchResultsSchema>;

export function SearchBox() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setResults(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      api.call('search', { query: text, limit: 20 }).then(
        (found) => alive && setResults(found),
        () => alive && setResults(null),
      );
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query]);

  const count = results ? results.comments.length + results.recordings.length + results.people.length + results.clips.length : 0;
  return (
    <search className="search-box">
      <label htmlFor="library-search">{t('search.label')}</label>
      <input
        id="library-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('search.placeholder')}
      />
      {results && (
        <div className="search-results" role="status" aria-live="polite">
          {count === 0 && <p className="muted">{t('search.none')}</p>}
          <ul>
            {results.recordings.map((r) => (
              <li key={`r${r.id}`}>
                <a href={hrefFor({ name: 'review', recordingId: r.id })}>{r.title}</a>{' '}
                <span className="muted">{r.via ? t('search.recordingWith', { name: r.via }) : t('search.recording')}</span>
              </li>
            ))}
            {results.comments.map((c) => (
              <li key={`c${c.id}`}>
                <a href={hrefFor({ name: 'review', recordingId: c.recordingId })}>
                  {c.recordingTitle} · {formatClock(c.startSeconds)}
                </a>{' '}
                — {c.text}
              </li>
            ))}
            {results.clips.map((c) => (
              <li key={`k${c.id}`}>
                <a href={hrefFor({ name: 'review', recordingId: c.recordingId })}>{c.name}</a>{' '}
                <span className="muted">{t('search.clip')}</span>
              </li>
            ))}
            {results.people.map((p) => (
              <li key={`p${p.id}`}>
                <a href={hrefFor({ name: 'personConsent', personId: p.id })}>{p.displayName}</a>{' '}
                <span className="muted">{t('search.person')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </search>
  );
}
