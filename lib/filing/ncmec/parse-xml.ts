/**
 * A small strict XML reader for CyberTipline answers (flat documents of a few elements). Strict on purpose: a
 * document that is not well-formed is refused, never half-read, and no DTD or external entity is ever processed
 * (the answers come from a remote server; entity expansion is an attack surface we do not need).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlSyntaxError extends Error {}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(source: string): XmlElement {
  // Line ends are normalized before parsing, as XML 1.0 §2.11 requires.
  const src = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (NOT_XML_CHAR.test(src)) throw new XmlSyntaxError('character not allowed in XML');
  let pos = 0;
  const fail = (what: string): never => {
    throw new XmlSyntaxError(`${what} at offset ${pos}`);
  };
  /** Moves past the next `stop`, failing when there is none. */
  const skipPast = (stop: string, what: string): number => {
    const at = src.indexOf(stop, pos);
    return at < 0 ? fail(what) : at + stop.length;
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(src.slice(pos));
      pos += ws ? ws[0].length : 0;
      if (src.startsWith('<?', pos)) pos = skipPast('?>', 'unclosed processing instruction');
      else if (src.startsWith('<!--', pos)) pos = skipPast('-->', 'unclosed comment');
      else return;
    }
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('"<" in text');
    return raw.replace(/&([^;]*);?/g, (m, ref: string) => {
      if (!m.endsWith(';')) fail('unterminated entity');
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? null;
      const dec = /^#(\d+)$/.exec(ref)?.[1] ?? null;
      const cp = code !== null ? parseInt(code, 16) : dec !== null ? parseInt(dec, 10) : null;
      if (cp !== null) {
        const ch = cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        return ch && !NOT_XML_CHAR.test(ch) ? ch : fail('invalid character reference');
      }
      return NAMED[ref] ?? fail(`unknown entity &${ref};`);
    });
  };
  const element = (): XmlElement => {
    if (src[pos] !== '<') fail('expected element');
    pos++;
    const name = NAME.exec(src.slice(pos))?.[0] ?? fail('bad element name');
    pos += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(pos));
      if (!m) break;
      const key = m[1] ?? '';
      if (key in attrs) fail('duplicate attribute');
      attrs[key] = decode((m[3] ?? m[4] ?? '').replace(/[\t\n]/g, ' ')); // literal whitespace only (§3.3.3)
      pos += m[0].length;
    }
    const end = /^\s*(\/?)>/.exec(src.slice(pos)) ?? fail('bad tag');
    pos += end[0].length;
    const node: XmlElement = { name, attrs, children: [] };
    if (end[1] === '/') return node;
    for (;;) {
      const lt = src.indexOf('<', pos);
      if (lt < 0) fail(`unclosed <${name}>`);
      if (lt > pos) node.children.push(decode(src.slice(pos, lt)));
      pos = lt;
      if (src.startsWith('</', pos)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(src.slice(pos));
        if (close?.[1] !== name) fail(`mismatched close of <${name}>`);
        pos += close?.[0].length ?? 0;
        return node;
      }
      if (src.startsWith('<!--', pos)) pos = skipPast('-->', 'unclosed comment');
      else if (src.startsWith('<![CDATA[', pos)) {
        const stop = src.indexOf(']]>', pos);
        if (stop < 0) fail('unclosed CDATA');
        node.children.push(src.slice(pos + 9, stop));
        pos = stop + 3;
      } else if (src.startsWith('<!', pos) || src.startsWith('<?', pos)) fail('declaration inside element');
      else node.children.push(element());
    }
  };
  skipMisc();
  if (src.startsWith('<!', pos)) fail('DOCTYPE not accepted');
  const root = element();
  skipMisc();
  if (pos !== src.length) fail('content after the root element');
  return root;
}

/** The concatenated text of an element (its own text nodes and its descendants'). */
export function textOf(node: XmlElement): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export function childElements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string');
}
