/**
 * Records as a build holds them until the release is written: every string
 * its own flat copy, one byte a character when it can be, and one copy of
 * each distinct value. As extracted, a record's strings are slices of its
 * document's text blocks (V8 keeps the whole block alive for any slice of
 * it), two bytes a character wherever the document holds one character past
 * Latin-1 (’ or –), and the same document id, quote or label is repeated in
 * several datasets and documents. The values stay equal, so no output changes.
 */

export interface StringPool {
  /** `value` with every string in it (in arrays and objects too, changed in place) replaced by the pool's copy. */
  compact<T>(value: T): T
  /** Let the pool go: the strings already handed out stay as they are. */
  clear(): void
}

export function stringPool(): StringPool {
  const pool = new Map<string, string>()
  const intern = (text: string): string => {
    let kept = pool.get(text)
    if (kept === undefined) {
      // Decoding UTF-8 makes a fresh flat string, one byte a character when every character fits; a lone surrogate
      // would not survive the round trip, so such a string is copied as it is.
      kept = text.isWellFormed() ? Buffer.from(text).toString() : structuredClone(text)
      pool.set(kept, kept)
    }
    return kept
  }
  const compact = (value: unknown): unknown => {
    if (typeof value === 'string') return intern(value)
    if (typeof value !== 'object' || value === null) return value
    const object = value as Record<string, unknown>
    for (const key of Object.keys(object)) object[key] = compact(object[key])
    return value
  }
  return {compact: (value) => compact(value) as typeof value, clear: () => pool.clear()}
}
