/**
 * Hash routes (#/, #/projects/12, #/sessions/4, #/sessions/4/record): work the same
 * from app://, http:// and file://. A screen with work that would be lost (unsaved
 * changes, a take being filmed) registers a leave guard: the router asks it before
 * changing screen, whatever the order of the page's other listeners.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'project'; projectId: number }
  | { name: 'session'; sessionId: number }
  | { name: 'record'; sessionId: number }
  | { name: 'consentDashboard'; projectId: number }
  | { name: 'personConsent'; personId: number }
  | { name: 'review'; recordingId: number }
  | { name: 'montage'; montageId: number }
  | { name: 'settings' }
  | { name: 'about' };

export function parseRoute(hash: string): Route {
  if (/^#\/settings\b/.test(hash)) return { name: 'settings' };
  if (/^#\/about\b/.test(hash)) return { name: 'about' };
  let match = /^#\/projects\/(\d+)\/consent/.exec(hash);
  if (match) return { name: 'consentDashboard', projectId: Number(match[1]) };
  match = /^#\/people\/(\d+)\/consent/.exec(hash);
  if (match) return { name: 'personConsent', personId: Number(match[1]) };
  match = /^#\/montages\/(\d+)/.exec(hash);
  if (match) return { name: 'montage', montageId: Number(match[1]) };
  match = /^#\/recordings\/(\d+)/.exec(hash);
  if (match) return { name: 'review', recordingId: Number(match[1]) };
  match = /^#\/projects\/(\d+)/.exec(hash);
  if (match) return { name: 'project', projectId: Number(match[1]) };
  match = /^#\/sessions\/(\d+)\/record/.exec(hash);
  if (match) return { name: 'record', sessionId: Number(match[1]) };
  match = /^#\/sessions\/(\d+)/.exec(hash);
  if (match) return { name: 'session', sessionId: Number(match[1]) };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'project':
      return `#/projects/${route.projectId}`;
    case 'session':
      return `#/sessions/${route.sessionId}`;
    case 'record':
      return `#/sessions/${route.sessionId}/record`;
    case 'consentDashboard':
      return `#/projects/${route.projectId}/consent`;
    case 'personConsent':
      return `#/people/${route.personId}/consent`;
    case 'review':
      return `#/recordings/${route.recordingId}`;
    case 'montage':
      return `#/montages/${route.montageId}`;
    case 'settings':
      return '#/settings';
    case 'about':
      return '#/about';
    default:
      return '#/';
  }
}

/** Would a leave guard keep the screen for a move to this address? (It asks the person if so.) */
function kept(toHash: string): boolean {
  return toHash !== window.location.hash && [...leaveGuards].some((guard) => guard(toHash));
}

export function navigate(route: Route): void {
  const to = hrefFor(route);
  if (!kept(to)) window.location.hash = to;
}

/** Answers true to keep the screen (it then asks the person, and navigates itself if they say to leave). */
export type LeaveGuard = (toHash: string) => boolean;
const leaveGuards = new Set<LeaveGuard>();

export function addLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    // a link is stopped before it adds a history entry; Back and typed addresses are undone below
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const to = link?.getAttribute('href');
      if (to && kept(to)) event.preventDefault();
    };
    const onChange = (event: HashChangeEvent) => {
      const next = window.location.hash;
      if (next !== shown && [...leaveGuards].some((guard) => guard(next))) {
        // hash changes cannot be cancelled: the address goes back to the screen that stays
        history.replaceState(history.state, '', event.oldURL);
        return;
      }
      shown = next;
      setRoute(parseRoute(next));
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('hashchange', onChange);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
