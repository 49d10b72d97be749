/**
 * A plain text page as markdown, its wording kept character for character:
 * only obvious structure is marked. A short line standing alone with no full
 * stop is a heading (the first block `#`, any later one `##`); lines opening
 * with a bullet ("•", "-", "*", "–") or a number ("1.", "2)") are list items.
 * Everything else is a paragraph, with markdown's own characters escaped so
 * the parsed text is the original's. A markdown file is kept as it is.
 */

/** Lines that open a list item: the bullet or number, then its text. */
const BULLET = /^\s*(?:[•●▪◦·*–-]|\d{1,3}[.)])\s+(\S.*)$/u
const NUMBERED = /^\s*(\d{1,3})[.)]\s+/u

/** The markdown of a plain text page. */
export function textToMarkdown(text: string): string {
  const blocks = text.replace(/\r\n?/gu, '\n').split(/\n[ \t]*\n+/u).map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
  const out: string[] = []
  for (const [index, lines] of blocks.filter((block) => block.length > 0).entries()) {
    if (lines.length === 1 && isHeading(lines[0]!)) out.push(`${index === 0 ? '#' : '##'} ${escapeInline(lines[0]!)}`)
    else out.push(...paragraphsAndLists(lines))
  }
  return `${out.join('\n\n')}\n`
}

/** A heading: one short line that does not end a sentence or a clause. */
function isHeading(line: string): boolean {
  return line.length <= 90 && !/[.,;:!]$/u.test(line) && /^[\p{Lu}\p{N}]/u.test(line) && !BULLET.test(line) && line.split(/\s+/u).length <= 14
}

/** A block's lines as paragraphs and list items; a list item's own continuation lines stay with it. */
function paragraphsAndLists(lines: readonly string[]): string[] {
  const out: string[] = []
  let paragraph: string[] = []
  let items: string[] = []
  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(paragraph.map((line, index) => escapeLine(line, index === 0)).join('\n'))
    paragraph = []
  }
  const flushList = () => {
    if (items.length > 0) out.push(items.join('\n'))
    items = []
  }
  for (const line of lines) {
    const item = BULLET.exec(line)
    if (item) {
      flushParagraph()
      const number = NUMBERED.exec(line)
      // An item's text opening with a bullet ("- - -") would be a rule or a nested list: escaped as a later line is.
      items.push(`${number ? `${number[1]}.` : '-'} ${escapeLine(item[1]!, false)}`)
    } else if (items.length > 0) {
      // A continuation line is indented to the item's text, so it stays in the item.
      const indent = ' '.repeat(items.at(-1)!.indexOf(' ') + 1)
      items[items.length - 1] += `\n${indent}${escapeLine(line, false)}`
    } else {
      paragraph.push(line)
    }
  }
  flushParagraph()
  flushList()
  return out
}

/** A paragraph's line: markdown's characters escaped, and anything at its start that would open a block. */
function escapeLine(line: string, first: boolean): string {
  const inline = escapeInline(line)
  // "+", "=" or "-" runs, or "1." at a line's start would make a list or an underline ("#" and ">" are escaped inline).
  const numbered = /^(\d+)([.)])/u.exec(inline)
  if (numbered) return `${numbered[1]}\\${inline.slice(numbered[1]!.length)}`
  // ("*" is escaped inline already: a second backslash would show.)
  if (/^(?:\+|=+$|-+$)/u.test(line) || (!first && /^-\s/u.test(line))) return `\\${inline}`
  return inline
}

/** Characters markdown reads inside a line: emphasis, links, code, HTML, escapes, entities. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#]/gu, (character) => `\\${character}`)
}
