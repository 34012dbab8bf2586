// A few DOM helpers in place of a framework: build elements declaratively, replace a node's
// children, and keep event handlers typed.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** The `data-testid` browser tests find the element by. */
  testid?: string;
  text?: string;
  title?: string;
  /** Other attributes; `false`/`undefined` leave one out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** `data-*` attributes, named without the prefix. */
  data?: Record<string, string | number | boolean | undefined>;
  on?: { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.testid) el.dataset.testid = props.testid;
  if (props.title) el.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const [name, value] of Object.entries(props.data ?? {})) {
    if (value !== undefined) el.dataset[name] = String(value);
  }
  for (const [event, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(event, handler as EventListener);
  }
  if (props.text !== undefined) el.textContent = props.text;
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/**
 * Makes `parent`'s children exactly `wanted`, in order, moving only what is out of place: nodes
 * that stay keep their state (a text selection, focus, hover).
 */
export function reconcile(parent: Node, wanted: Node[]): void {
  const keep = new Set(wanted);
  for (const child of [...parent.childNodes]) if (!keep.has(child)) parent.removeChild(child);
  let cursor = parent.firstChild;
  for (const node of wanted) {
    if (node === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(node, cursor);
  }
}

/** A button that does not submit forms unless asked to. */
export function button(label: string, props: Props & { kind?: 'primary' | 'ghost' | 'danger' | 'link'; type?: 'button' | 'submit' } = {}): HTMLButtonElement {
  const { kind, type, ...rest } = props;
  const el = h('button', { ...rest, class: ['btn', kind ? `btn-${kind}` : '', rest.class ?? ''].filter(Boolean).join(' ') }, label);
  el.type = type ?? 'button';
  return el;
}

/**
 * Calls `fn` once after the current burst of calls (a task later), however often it is asked
 * to: a sync that brings a hundred messages renders once.
 */
export function coalesce(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    window.setTimeout(() => {
      queued = false;
      fn();
    }, 0);
  };
}
