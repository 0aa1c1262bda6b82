// One string per slot of the record ring, kept as one joined string per full page: a million kept event data strings
// would be a million heap objects for every major garbage collection to mark and move (BENCHMARKS.md, "Panel").

/** Far below V8's longest string (about 2^29 UTF-16 units), and below the typed offsets' range. */
const MAX_JOINED_CHARS = 2 ** 26;

/**
 * Slots `0 … capacity - 1`, written in order (wrapping round as the ring does). A page is a plain list while it is
 * being written; once its last slot is written its strings are joined into one, with the offsets in a typed array,
 * and the list is dropped. Writing into a joined page (the ring wrapped round) splits it into a list again.
 */
export class TextPages {
  private readonly open: (string[] | undefined)[] = [];
  private readonly joined: (string | undefined)[] = [];
  /** For a joined page: where each slot's text starts, and (last entry) where the page's text ends. */
  private readonly offsets: (Uint32Array | undefined)[] = [];

  constructor(
    private readonly capacity: number,
    private readonly pageSize: number,
  ) {}

  get(slot: number): string {
    const page = Math.floor(slot / this.pageSize);
    const index = slot % this.pageSize;
    const text = this.joined[page];
    if (text === undefined) return this.open[page]?.[index] ?? '';
    const offsets = this.offsets[page] as Uint32Array;
    return text.slice(offsets[index], offsets[index + 1]);
  }

  set(slot: number, value: string): void {
    const page = Math.floor(slot / this.pageSize);
    const index = slot % this.pageSize;
    const list = this.open[page] ?? this.reopen(page);
    list[index] = value;
    const lastOfPage = index === this.pageSize - 1 || slot === this.capacity - 1;
    if (lastOfPage) this.join(page, list);
  }

  private join(page: number, list: string[]): void {
    const offsets = new Uint32Array(list.length + 1);
    for (let index = 0; index < list.length; index++) {
      const end = offsets[index] + list[index].length;
      // A page of huge events stays a list: one string that long could not be made.
      if (end > MAX_JOINED_CHARS) return;
      offsets[index + 1] = end;
    }
    this.joined[page] = list.join('');
    this.offsets[page] = offsets;
    this.open[page] = undefined;
  }

  /** The page's strings as a list again, to be written into. */
  private reopen(page: number): string[] {
    const text = this.joined[page];
    const offsets = this.offsets[page];
    const list: string[] = [];
    if (text !== undefined && offsets !== undefined) {
      for (let index = 0; index + 1 < offsets.length; index++) list.push(text.slice(offsets[index], offsets[index + 1]));
    }
    this.open[page] = list;
    this.joined[page] = undefined;
    this.offsets[page] = undefined;
    return list;
  }
}
