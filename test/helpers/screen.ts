/**
 * What a reader sees of a page in the browser: whether it is wider than the
 * screen, and the smallest text on it in pixels on screen (an SVG's own
 * scaling counted), each visible text with its size.
 */
import type {Page} from 'playwright-core'

/** How many pixels the page is wider than the viewport (0 when it fits). */
export function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth))
}

/** Every visible text smaller than `minimum` pixels on screen, as `size px: text`. */
export function smallTextOf(page: Page, minimum: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const element = node.parentElement
      if (text === '' || !element) continue
      // Only what is drawn: not hidden, not clipped away to a pixel for screen readers.
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width <= 1 || box.height <= 1 || element.closest('[hidden], .visually-hidden, script, style, title, desc') || getComputedStyle(element).visibility === 'hidden') continue
      const svg = (element as Element) instanceof SVGGraphicsElement ? (element as unknown as SVGGraphicsElement).getScreenCTM() : null
      const scale = svg ? Math.hypot(svg.a, svg.b) : 1
      const size = Number.parseFloat(getComputedStyle(element).fontSize) * scale
      if (size < least) small.push(`${size.toFixed(1)} px: ${text.slice(0, 40)}`)
    }
    return small
  }, minimum)
}

/** Lay out the whole page at once, as a reader scrolling through it sees it: the site defers what is below the first screen (`content-visibility: auto`). */
export async function renderAll(page: Page): Promise<void> {
  // Through the CSSOM: the Content-Security-Policy allows no inline <style>.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) element.style.contentVisibility = 'visible'
  })
}
