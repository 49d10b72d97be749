import {describe, expect, it} from 'vitest'
import {idOf, maxIdLength, slug} from '../../pipeline/extract/ids.ts'

const slugRule = /^[a-z0-9]+(-[a-z0-9]+)*$/

describe('slug', () => {
  it('should make lower-case ASCII words joined by single hyphens', () => {
    expect(slug('Primary Care Networks')).toBe('primary-care-networks')
    expect(slug('  NHS England – South East Region (Y59)  ')).toBe('nhs-england-south-east-region-y59')
    expect(slug('a -- b __ c')).toBe('a-b-c')
  })

  it('should drop accents and apostrophes rather than split a word at them', () => {
    expect(slug('Café’s résumé')).toBe('cafes-resume')
    expect(slug("Kent and Medway's ICS")).toBe('kent-and-medways-ics')
  })

  it('should give nothing for text without letters or digits', () => {
    expect(slug(' – … ')).toBe('')
  })
})

describe('idOf', () => {
  it('should join the slugs of its parts with single hyphens, skipping empty ones', () => {
    expect(idOf('pcns', 'kent-medway-glossary')).toBe('pcns-kent-medway-glossary')
    expect(idOf('stp', 'replaced-by', 'ics', 'a')).toBe('stp-replaced-by-ics-a')
    expect(idOf('pb', 'Medway Council')).toBe('pb-medway-council')
    expect(idOf('icb', '–', 'Chief Executive')).toBe('icb-chief-executive')
  })

  it('should keep an id of exactly 64 characters whole', () => {
    const whole = `${'a'.repeat(30)}-${'b'.repeat(33)}`
    expect(whole).toHaveLength(maxIdLength)
    expect(idOf(whole)).toBe(whole)
  })

  it('should cut a longer id at a word boundary and end it in 6 hex characters of a hash of the whole', () => {
    const parts = ['integrated-care-partnership', 'Representatives of the voluntary, community and social enterprise (VCSE) sector partners']
    const whole = parts.map(slug).join('-')
    expect(whole.length).toBeGreaterThan(maxIdLength)
    const id = idOf(...parts)
    expect(id.length).toBeLessThanOrEqual(maxIdLength)
    expect(id).toMatch(slugRule)
    const [, head, hash] = /^(.*)-([0-9a-f]{6})$/.exec(id)!
    // The head is whole words of the full slug: it is followed there by a hyphen, never cut mid-word.
    expect(whole.startsWith(`${head}-`)).toBe(true)
    expect(head).toBe('integrated-care-partnership-representatives-of-the')
    expect(hash).toMatch(/^[0-9a-f]{6}$/)
  })

  it('should cut one character past 64 too', () => {
    const whole = `${'a'.repeat(30)}-${'b'.repeat(34)}`
    expect(idOf(whole)).toMatch(new RegExp(`^${'a'.repeat(30)}-[0-9a-f]{6}$`))
  })

  it('should keep apart two long ids that share their first words', () => {
    const start = 'the board includes representatives of every local authority in the county and'
    const one = idOf('board', `${start} the city`)
    const two = idOf('board', `${start} the district councils`)
    expect(one.slice(0, -6)).toBe(two.slice(0, -6))
    expect(one).not.toBe(two)
  })

  it('should be deterministic: the same parts give the same id, whatever was made before', () => {
    const parts = ['integrated-care-partnership', 'Representatives of the voluntary, community and social enterprise (VCSE) sector partners']
    const first = idOf(...parts)
    idOf('something', 'else entirely, long enough to be cut at a word boundary and hashed as well')
    expect(idOf(...parts)).toBe(first)
    expect(idOf('pcns', 'a')).toBe('pcns-a')
  })

  it('should cut a single word longer than the room for it, as no boundary is there', () => {
    const id = idOf('x'.repeat(80))
    expect(id).toMatch(/^x{57}-[0-9a-f]{6}$/)
    expect(id).toHaveLength(maxIdLength)
  })
})
