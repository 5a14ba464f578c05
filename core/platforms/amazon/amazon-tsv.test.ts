import { describe, expect, it } from 'vitest';
import { indexTsv, parseTsv, readTsv } from './amazon-tsv.ts';

const text = '\uFEFFamazon-order-id\tsku\tquantity\r\n111-1\tTS-BLK-M\t1\r\n\r\n111-1\tMUG\t2\r\n \t\r\n112-2\t\t3\r\n';

describe('a flat-file report indexed by row', () => {
  const doc = indexTsv(text);

  it('counts rows without the header, blank lines or a byte-order mark', () => {
    expect(doc.length).toBe(3);
  });

  it('parses only the rows asked for, empty cells left out, CRLF removed', () => {
    expect(doc.rows(1, 3)).toEqual([
      { 'amazon-order-id': '111-1', sku: 'MUG', quantity: '2' },
      { 'amazon-order-id': '112-2', quantity: '3' },
    ]);
    expect(doc.rows(2, 99)).toHaveLength(1);
    expect(doc.rows(3, 4)).toEqual([]);
  });

  it('reads one cell of a row: empty as "", past the end or an unknown column as undefined', () => {
    expect(doc.cell(0, 'amazon-order-id')).toBe('111-1');
    expect(doc.cell(2, 'quantity')).toBe('3');
    expect(doc.cell(2, 'sku')).toBe('');
    expect(doc.cell(3, 'sku')).toBeUndefined();
    expect(doc.cell(0, 'asin')).toBeUndefined();
  });

  it('reads the UTF-8 bytes as downloaded: a byte-order mark skipped, other scripts decoded per row', () => {
    const bytes = new TextEncoder().encode('\uFEFFsku\tproduct-name\nTS-1\tT-Shirt Größe M\nMUG\t马克杯\n');
    const doc = indexTsv(bytes);
    expect(doc.length).toBe(2);
    expect(doc.rows(0, 2)).toEqual([
      { sku: 'TS-1', 'product-name': 'T-Shirt Größe M' },
      { sku: 'MUG', 'product-name': '马克杯' },
    ]);
    expect(doc.cell(1, 'product-name')).toBe('马克杯');
  });

  it('parseTsv is every row; a file without a header has none', () => {
    expect(parseTsv(text)).toEqual(doc.rows(0, 3));
    expect(parseTsv('')).toEqual([]);
    expect(indexTsv('a\tb').length).toBe(0);
    expect(parseTsv('a\tb\n1\t2')).toEqual([{ a: '1', b: '2' }]);
  });
});

describe('a flat-file report read from its download stream', () => {
  const file = 'amazon-order-id\tsku\r\n111-1\tTS-BLK-M\r\n\r\n111-1\tMUG-WITH-A-VERY-LONG-SKU-THAT-OUTGROWS-A-BLOCK\r\n112-2\tCAP\r\n113-3\tGröße';
  const streamOf = (chunkBytes: number) => {
    const bytes = new TextEncoder().encode(file);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += chunkBytes) controller.enqueue(bytes.slice(at, at + chunkBytes));
        controller.close();
      },
    });
  };

  it.each([1, 3, 7, 1000])('rows split across chunks of %i bytes and blocks of 16 read as the whole file does', async (chunkBytes) => {
    const { doc, head } = await readTsv(streamOf(chunkBytes), 16);
    expect(doc.length).toBe(4);
    expect(doc.rows(0, 4)).toEqual(parseTsv(file));
    expect(doc.rows(3, 4)).toEqual([{ 'amazon-order-id': '113-3', sku: 'Größe' }]);
    expect(doc.cell(1, 'sku')).toBe('MUG-WITH-A-VERY-LONG-SKU-THAT-OUTGROWS-A-BLOCK');
    expect(head.startsWith('amazon-order-id\tsku')).toBe(true);
  });

  it('an empty body is an empty report', async () => {
    const { doc, head } = await readTsv(new ReadableStream({ start: (c) => c.close() }));
    expect([doc.length, head]).toEqual([0, '']);
  });
});
