/** Section-table container: magic, JSON header, 8-byte-aligned binary sections. */
const MAGIC = Buffer.from('GOVDISC1');

export interface Section {
  name: string;
  bytes: Uint8Array;
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

export function writeContainer(header: object, sections: Section[]): Buffer[] {
  const table: { name: string; offset: number; length: number }[] = [];
  let offset = 0;
  for (const s of sections) {
    table.push({ name: s.name, offset, length: s.bytes.byteLength });
    offset += s.bytes.byteLength + pad8(s.bytes.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: table }));
  const head = Buffer.alloc(16);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, 8);
  const chunks: Buffer[] = [head, json, Buffer.alloc(pad8(16 + json.length))];
  for (const s of sections)
    chunks.push(Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength), Buffer.alloc(pad8(s.bytes.byteLength)));
  return chunks;
}

export interface Container<H> {
  header: H;
  section(name: string): Uint8Array;
}

export function readContainer<H>(buf: Buffer): Container<H> {
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new Error('not a govdisc search snapshot');
  const jsonLength = buf.readUInt32LE(8);
  const raw = JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8')) as H & {
    sections: { name: string; offset: number; length: number }[];
  };
  const base = 16 + jsonLength + pad8(16 + jsonLength);
  const byName = new Map(raw.sections.map((s) => [s.name, s]));
  return {
    header: raw,
    section(name) {
      const s = byName.get(name);
      if (!s) throw new Error(`snapshot has no section ${name}`);
      return buf.subarray(base + s.offset, base + s.offset + s.length);
    },
  };
}

/** Typed views need aligned offsets; copy when the file buffer is not aligned. */
export function view<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(
  bytes: Uint8Array,
  Ctor: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const n = bytes.byteLength / Ctor.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, bytes.byteOffset, n);
  const copy = new Ctor(n);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}
