/**
 * The consent log's entries about who is in a recording and who a person is (links,
 * unlinks, parts, name and birth-date changes, a clip's narrowing), in plain words; null
 * for the entries the consent screen words itself (decisions, guardians, scans).
 */
import type { AuditEntry } from '../../../../src-shared/contract/schemas';
import type { Translate } from '../../i18n/i18n';

export function peopleHistoryLine(entry: AuditEntry, t: Translate, formatDate: (isoDate: string | null) => string): string | null {
  const change = entry.change as Record<string, string | number | null | undefined>;
  const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));
  switch (entry.action) {
    case 'recording-linked':
      return t('history.linked', { recording: text(change.recordingId), part: change.to ? ` (${String(change.to)})` : '' });
    case 'recording-unlinked':
      return t('history.unlinked', { recording: text(change.recordingId) });
    case 'recording-part-changed':
      return t('history.partChanged', { recording: text(change.recordingId), from: text(change.from), to: text(change.to) });
    case 'birth-date-changed':
      return t('history.birthDate', {
        from: change.from ? formatDate(String(change.from)) : '—',
        to: change.to ? formatDate(String(change.to)) : '—',
      });
    case 'renamed':
      return t('history.renamed', { from: text(change.from), to: text(change.to) });
    case 'clip-person-excluded':
      return t('history.clipExcluded', { clip: text(change.clipId) });
    case 'clip-person-included':
      return t('history.clipIncluded', { clip: text(change.clipId) });
    case 'set':
    case 'guardian-added':
    case 'evidence-attached':
      return null;
    default:
      return entry.action;
  }
}
