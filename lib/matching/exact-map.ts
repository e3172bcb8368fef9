/**
 * value -> entry ids for exact signals (MD5, SHA-256). Nearly every value sits in one bank only, so a single id is
 * stored bare and an array appears only when banks share a value: at 1M entries that saves an array per key.
 */
export class ExactMap {
  private map = new Map<string, number | number[]>();

  get size(): number {
    return this.map.size;
  }

  add(value: string, id: number): void {
    const cur = this.map.get(value);
    if (cur === undefined) this.map.set(value, id);
    else if (typeof cur === 'number') {
      if (cur !== id) this.map.set(value, [cur, id]);
    } else if (!cur.includes(id)) cur.push(id);
  }

  remove(value: string, id: number): void {
    const cur = this.map.get(value);
    if (cur === undefined) return;
    if (typeof cur === 'number') {
      if (cur === id) this.map.delete(value);
      return;
    }
    const rest = cur.filter((x) => x !== id);
    if (rest.length === 0) this.map.delete(value);
    else this.map.set(value, rest.length === 1 ? rest[0] : rest);
  }

  get(value: string): number[] {
    const cur = this.map.get(value);
    return cur === undefined ? [] : typeof cur === 'number' ? [cur] : [...cur];
  }
}
