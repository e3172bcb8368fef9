/** Test helpers: element paths of a parsed document, so tests compare order and text without string matching. */
import { childElements, parseXml, textOf, type XmlElement } from './parse-xml';

/** Every element as "path=text" for leaves, "path" for containers, in document order. */
export function outline(xml: string): string[] {
  const out: string[] = [];
  const walk = (node: XmlElement, path: string) => {
    const kids = childElements(node);
    const attrs = Object.entries(node.attrs).map(([k, v]) => `[${k}=${v}]`).join('');
    if (kids.length === 0) out.push(`${path}${attrs}=${textOf(node)}`);
    else {
      out.push(path);
      for (const k of kids) walk(k, `${path}/${k.name}`);
    }
  };
  const root = parseXml(xml);
  walk(root, root.name);
  return out;
}

/** The element names directly under the root, in order. */
export function topLevel(xml: string): string[] {
  return childElements(parseXml(xml)).map((e) => e.name);
}
