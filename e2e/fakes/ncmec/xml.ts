/**
 * A tiny XML reader for the fake: elements, attributes, text and the five predefined entities plus numeric
 * character references. DOCTYPE, ENTITY and other `<!` declarations are refused outright, so no entity expansion
 * (billion laughs, external entities) can happen. fast-xml-parser 3.x in node_modules loses sibling order, and
 * element ORDER is exactly what the real service validates, so this reader keeps children as an ordered list.
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class XmlSyntaxError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeText(raw: string): string {
  // A bare "&" is a well-formedness error in XML; catching it here catches a client that forgets to escape.
  if (/&(?!#x[0-9a-fA-F]+;|#[0-9]+;|[a-zA-Z]+;)/.test(raw)) throw new XmlSyntaxError('unescaped "&"');
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    if (ref in ENTITIES) return ENTITIES[ref];
    throw new XmlSyntaxError(`unknown entity ${whole}`);
  });
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(source: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  for (const m of source.matchAll(TOKEN)) {
    const [token, cdata, closing, opening, attrText, selfClose, text] = m;
    if (token.startsWith('<?') || token.startsWith('<!--')) continue;
    if (cdata !== undefined) {
      if (!stack.length) throw new XmlSyntaxError('text outside the root element');
      stack[stack.length - 1].text += cdata;
    } else if (token.startsWith('<!')) {
      throw new XmlSyntaxError('DTD and entity declarations are not accepted');
    } else if (closing) {
      const open = stack.pop();
      if (!open || open.name !== closing) throw new XmlSyntaxError(`unexpected </${closing}>`);
    } else if (opening) {
      if (!stack.length && root) throw new XmlSyntaxError('more than one root element');
      const node: XmlNode = { name: opening, attrs: {}, children: [], text: '' };
      for (const a of (attrText ?? '').matchAll(ATTR)) node.attrs[a[1]] = decodeText(a[2] ?? a[3] ?? '');
      if (stack.length) stack[stack.length - 1].children.push(node);
      else root = node;
      if (!selfClose) stack.push(node);
    } else if (text !== undefined) {
      if (stack.length) stack[stack.length - 1].text += decodeText(text);
      else if (text.trim()) throw new XmlSyntaxError('text outside the root element');
    } else {
      throw new XmlSyntaxError('malformed markup');
    }
  }
  if (stack.length) throw new XmlSyntaxError(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

export const childText = (node: XmlNode, name: string): string | undefined =>
  node.children.find((c) => c.name === name)?.text.trim();
