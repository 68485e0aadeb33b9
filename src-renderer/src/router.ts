/**
 * Hash routes (#/ and #/projects/12): work the same from app://, http:// and file://.
 */
import { useEffect, useState } from 'react';

export type Route = { name: 'home' } | { name: 'project'; projectId: number };

export function parseRoute(hash: string): Route {
  const match = /^#\/projects\/(\d+)/.exec(hash);
  if (match) return { name: 'project', projectId: Number(match[1]) };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  return route.name === 'project' ? `#/projects/${route.projectId}` : '#/';
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
