/**
 * Hash routes (#/, #/projects/12, #/sessions/4, #/sessions/4/record): work the same
 * from app://, http:// and file://.
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

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
