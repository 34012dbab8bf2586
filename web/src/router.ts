// Screens behind the signed-in shell live in the URL's hash, so a reload stays where it was:
// #/c/<conversation id>, #/friends, #/new-group, or nothing (the welcome panel).
import { isId } from '../../contract/id-format.ts';

export type Route =
  | { name: 'home' }
  | { name: 'chat'; conversationId: string }
  | { name: 'friends' }
  | { name: 'new-group' };

export function currentRoute(hash = location.hash): Route {
  const path = hash.replace(/^#\/?/, '');
  const id = path.startsWith('c/') ? path.slice(2) : undefined;
  if (isId(id)) return { name: 'chat', conversationId: id };
  if (path === 'friends') return { name: 'friends' };
  if (path === 'new-group') return { name: 'new-group' };
  return { name: 'home' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'chat': return `#/c/${route.conversationId}`;
    case 'friends': return '#/friends';
    case 'new-group': return '#/new-group';
    case 'home': return '#/';
  }
}

export function navigate(route: Route): void {
  const href = hrefOf(route);
  if (location.hash !== href) location.hash = href;
}

export function onRouteChange(fn: (route: Route) => void): () => void {
  const listener = () => fn(currentRoute());
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
