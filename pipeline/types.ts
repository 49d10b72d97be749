/**
 * Data that the stages attach to each document's VFile (see vfile's DataMap).
 */
import type {Root} from 'mdast'
import type {Document, LineCounter} from 'yaml'
import type {QuoteMatch, TextBlock} from './locate/index.ts'

export interface Frontmatter {
  /** The parsed YAML document, kept for node positions. */
  document: Document
  /** Line and column lookup inside the YAML block. */
  lineCounter: LineCounter
  /** File line of the first YAML line (the line after the opening `---`, or 1 in a YAML file). */
  firstLine: number
}

/** A span of the text whose figure or date a record took. */
export interface UsedSpan extends QuoteMatch {
  as: 'figure' | 'date' | 'term'
}

/** Where a record's evidence is: every record of every dataset carries these four fields. */
export interface Provenance {
  /** Id of the source document. */
  document: string
  /** Line (1-based) where the evidence starts, counted within the document's text: line 1 is the first line after the frontmatter. */
  line: number
  /** Column (1-based) where the evidence starts. */
  column: number
  /** The evidence as plain text: markdown markup removed, runs of white space folded to one space. */
  quote: string
}

declare module 'vfile' {
  interface DataMap {
    /** SHA-256 of the file's bytes as read. */
    sha256: string
    /** SHA-256 of the document's text alone (everything after the frontmatter), as UTF-8 with LF line ends. */
    textSha256: string
    /** File line on which the document's text starts: its line 1. */
    bodyLine: number
    /** The markdown syntax tree. */
    tree: Root
    /** The frontmatter (or a YAML file) as plain data, validated later against its schema. */
    matter: Record<string, unknown>
    /** Where the frontmatter's values are. */
    frontmatter: Frontmatter
    /** The text of the body, block by block, with a source offset for every character. */
    blocks: TextBlock[]
    /** Figures and dates of the text that records took their values from (for `npm run review`). */
    used: UsedSpan[]
    /** The document's judgements file (sources/judgements/<id>.yml), parsed as YAML. */
    judgements: import('vfile').VFile
  }
}
