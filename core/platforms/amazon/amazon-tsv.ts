/**
 * A flat-file report (tab-separated, first line the header) kept as the UTF-8 bytes it arrived
 * in, with where each row starts: a page decodes and parses only its own rows. Parsed all at once,
 * a 30-day orders report of a large store is hundreds of megabytes of row objects; as bytes it is
 * a few bytes a cell, outside the JavaScript heap (so it does not inflate the garbage collector's
 * targets either). Amazon's flat files do not quote fields, so a tab or newline never occurs
 * inside a value.
 */
export interface TsvDocument {
  /** Rows, not counting the header or blank lines. */
  readonly length: number;
  /** Rows `from` to `to` (exclusive) as records keyed by header name; empty cells are left out. */
  rows(from: number, to: number): Record<string, string>[];
  /** One cell of row `k`, without building the row ('' when empty, undefined past the end). */
  cell(k: number, column: string): string | undefined;
}

const NEWLINE = 0x0a;
/** Downloads are kept in blocks of about this size, each ending at a line break. */
const BLOCK_BYTES = 4 * 1024 * 1024;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A flat file already in memory (a string or its bytes). */
export function indexTsv(source: string | Uint8Array): TsvDocument {
  return documentOf([typeof source === 'string' ? Buffer.from(source, 'utf8') : asBuffer(source)]);
}

/** The whole flat file as records (small files: fixtures, tests). */
export function parseTsv(text: string): Record<string, string>[] {
  const doc = indexTsv(text);
  return doc.rows(0, doc.length);
}

/**
 * Reads a flat file from its byte stream into line-aligned blocks, so that reading it never
 * holds more than the document and one block (collecting the body and then joining it would
 * hold it twice). `head`: its first bytes decoded, to tell a web page from a report.
 */
export async function readTsv(stream: ReadableStream<Uint8Array>, blockBytes = BLOCK_BYTES): Promise<{ doc: TsvDocument; head: string }> {
  const blocks: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (last: boolean) => {
    if (pendingBytes === 0) return;
    const joined = Buffer.concat(pending, pendingBytes);
    const cut = last ? joined.length : joined.lastIndexOf(NEWLINE) + 1;
    if (cut > 0) blocks.push(joined.subarray(0, cut));
    // A line longer than a block waits in `pending` for its end.
    const rest = cut > 0 ? Buffer.from(joined.subarray(cut)) : joined;
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
  };
  for await (const chunk of stream) {
    pending.push(asBuffer(chunk));
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= blockBytes) flush(false);
  }
  flush(true);
  const first = blocks[0];
  return { doc: documentOf(blocks), head: first ? first.toString('utf8', 0, Math.min(first.length, 512)) : '' };
}

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** The document over blocks that each end at a line break (the last one may not). */
function documentOf(source: readonly Buffer[]): TsvDocument {
  const blocks = [...source];
  const head = blocks[0];
  if (head && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) blocks[0] = head.subarray(3);
  const lineEnd = (block: Buffer, start: number) => {
    const at = block.indexOf(NEWLINE, start);
    return at === -1 ? block.length : at;
  };
  const first = blocks[0] ?? Buffer.alloc(0);
  const headerEnd = lineEnd(first, 0);
  const header = stripCr(first.toString('utf8', 0, headerEnd))
    .split('\t')
    .map((h) => h.trim());
  const empty = header.length === 0 || header[0] === '';
  const index = empty ? { block: new Uint32Array(0), start: new Uint32Array(0), length: 0 } : rowStarts(blocks, headerEnd + 1, lineEnd);
  const { length } = index;
  const lineAt = (k: number) => {
    const block = blocks[index.block[k] ?? 0] ?? first;
    const start = index.start[k] ?? 0;
    return stripCr(block.toString('utf8', start, lineEnd(block, start)));
  };
  const columnIndex = new Map(header.map((name, k) => [name, k]));

  return {
    length,
    rows(from, to) {
      const out: Record<string, string>[] = [];
      for (let k = Math.max(0, from); k < Math.min(length, to); k++) {
        const cells = lineAt(k).split('\t');
        const row: Record<string, string> = {};
        header.forEach((name, c) => {
          const value = cells[c];
          if (value !== undefined && value !== '') row[name] = value;
        });
        out.push(row);
      }
      return out;
    },
    cell(k, column) {
      const c = columnIndex.get(column);
      if (c === undefined || k < 0 || k >= length) return undefined;
      return lineAt(k).split('\t', c + 1)[c] ?? '';
    },
  };
}

/** Where each non-blank line after the header starts (block and offset): 8 bytes a row. */
function rowStarts(blocks: readonly Buffer[], afterHeader: number, lineEnd: (block: Buffer, start: number) => number) {
  let block = new Uint32Array(1024);
  let start = new Uint32Array(1024);
  let length = 0;
  blocks.forEach((bytes, b) => {
    for (let at = b === 0 ? afterHeader : 0; at < bytes.length; ) {
      const end = lineEnd(bytes, at);
      // Most lines start with a printable ASCII value; only the rest need decoding to tell a blank line.
      const firstByte = bytes[at] ?? 0;
      const blank = !(firstByte > 32 && firstByte < 127) && bytes.toString('utf8', at, end).trim() === '';
      if (!blank) {
        if (length === start.length) {
          const grownBlock = new Uint32Array(length * 2);
          const grownStart = new Uint32Array(length * 2);
          grownBlock.set(block);
          grownStart.set(start);
          block = grownBlock;
          start = grownStart;
        }
        block[length] = b;
        start[length] = at;
        length++;
      }
      at = end + 1;
    }
  });
  return { block: block.slice(0, length), start: start.slice(0, length), length };
}
