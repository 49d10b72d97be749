/**
 * Disagreements: records that share a `topic` but cannot both be true (other
 * dates, figures whose ranges do not meet, for the same area) point at each
 * other, so a reader sees both claims and their sources.
 */
export interface Topical {
  id: string
  topic: string | null
  disagrees_with: string[]
}

/**
 * Fill `disagrees_with` for records of one topic that `differ`. Grouped by
 * topic first, so the cost grows with the records, not their square.
 */
export function markDisagreements<T extends Topical>(records: T[], differ: (a: T, b: T) => boolean): T[] {
  const topics = new Map<string, T[]>()
  for (const record of records) {
    if (record.topic === null) continue
    const group = topics.get(record.topic)
    if (group) group.push(record)
    else topics.set(record.topic, [record])
  }
  for (const group of topics.values()) {
    for (const record of group) record.disagrees_with = group.filter((other) => other !== record && differ(record, other)).map((other) => other.id)
  }
  return records
}
