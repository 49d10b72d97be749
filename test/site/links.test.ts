/** A crawl of the built site: every internal link and anchor (source line anchors included) resolves. */
import {describe, expect, it} from 'vitest'
import {crawl} from '../helpers/links.ts'
import {siteOutput} from '../helpers/site.ts'

describe('internal links', () => {
  it('every href to this site, with its #anchor, finds its page and element', () => {
    const {pages, checked, broken} = crawl(siteOutput)
    console.log(`link crawl: ${pages} pages, ${checked} internal links checked, ${broken.length} broken`)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})
