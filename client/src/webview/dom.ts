// Small DOM helpers for the preview page. Text goes in through textContent only, and attributes through
// setAttribute with names from this code, so nothing from a config is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  text?: string;
  /** Attribute names are always literals in this code; values may come from configs and are set as plain values. */
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, props, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, props, children);
  return node;
}

function apply(node: Element, props: ElementProps, children: Child[]): void {
  if (props.className) node.setAttribute('class', props.className);
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}
