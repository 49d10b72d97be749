/**
 * Disagreements: records that share a `topic` but differ (another date, another
 * value) point at each other, so a reader sees both claims and their sources.
 */
export interface Topical {
  id: string
  topic: string | null
  disagrees_with: string[]
}

/** Fill `disagrees_with` for records of one topic whose `key` differs. */
export function markDisagreements<T extends Topical>(records: T[], key: (record: T) => string): T[] {
  for (const record of records) {
    if (record.topic === null) continue
    record.disagrees_with = records
      .filter((other) => other !== record && other.topic === record.topic && key(other) !== key(record))
      .map((other) => other.id)
  }
  return records
}
