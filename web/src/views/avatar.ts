// A round avatar: the user's picture, or initials on a colour drawn from the id; optionally with
// a presence dot.
import { h } from '../dom.ts';

function hue(id: string): number {
  let n = 0;
  for (const ch of id) n = (n * 31 + ch.charCodeAt(0)) % 360;
  return n;
}

function initials(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

const SVG = 'http://www.w3.org/2000/svg';

/** A globe for the world room, drawn rather than an emoji (fonts without emoji show a box). */
function globe(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'globe');
  for (const d of ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M3 12h18', 'M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z']) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export function avatar(opts: { id: string; name: string; url?: string | null; size?: 'sm' | 'md' | 'lg'; kind?: 'user' | 'group' | 'world'; online?: boolean | undefined }): HTMLElement {
  const el = h('span', { class: `avatar avatar-${opts.size ?? 'md'} avatar-${opts.kind ?? 'user'}`, attrs: { 'aria-hidden': 'true' } });
  if (opts.kind === 'world') el.append(globe());
  else if (opts.url) el.append(h('img', { attrs: { src: opts.url, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' } }));
  else {
    el.textContent = initials(opts.name);
    el.style.setProperty('--avatar-hue', String(hue(opts.id)));
  }
  // Only what is known (the friend list or a presence event): no dot while it is unknown.
  if (opts.online !== undefined) {
    el.append(h('span', { class: `presence-dot ${opts.online ? 'online' : 'offline'}`, testid: 'presence-dot', data: { online: opts.online }, title: opts.online ? 'Online' : 'Offline' }));
  }
  return el;
}
