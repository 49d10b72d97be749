/**
 * A JSON-LD document as Turtle: turned into RDF by jsonld (safe mode, so
 * nothing is silently dropped), then written by n3 with prefixes, triples
 * grouped by subject. Root-relative addresses (while the site has no base
 * URL) stay root-relative: they resolve against wherever the file is served.
 */
import jsonld from 'jsonld'
import {DataFactory, Writer, type Quad, type Term} from 'n3'

type Loader = (url: string) => Promise<{contextUrl: null; documentUrl: string; document: unknown}>

export interface TurtleOptions {
  /** The base URL of absolute addresses; null while the site has none. */
  base: string | null
  prefixes: Record<string, string>
  documentLoader: Loader
}

/** Where root-relative addresses are put while the JSON-LD becomes RDF, and taken off again (`.invalid` is never a real host). */
const placeholderBase = 'https://site-root.invalid/'

export async function toTurtle(document: object, options: TurtleOptions): Promise<string> {
  const relative = options.base === null
  const quads = await toRDF(document, {base: options.base ?? placeholderBase, documentLoader: options.documentLoader, safe: true})
  const term = (t: JsonLdTerm): Term => {
    switch (t.termType) {
      case 'NamedNode': return DataFactory.namedNode(relative && t.value.startsWith(placeholderBase) ? `/${t.value.slice(placeholderBase.length)}` : t.value)
      case 'BlankNode': return DataFactory.blankNode(t.value.replace(/^_:/, ''))
      case 'Literal': return DataFactory.literal(t.value, t.language || DataFactory.namedNode(t.datatype!.value))
      default: throw new Error(`turtle: unexpected ${t.termType} in the graph`)
    }
  }
  const triples = quads
    .map((q) => DataFactory.quad(term(q.subject) as Quad['subject'], term(q.predicate) as Quad['predicate'], term(q.object) as Quad['object']))
    .sort((a, b) => compare(sortKey(a), sortKey(b)))
  const writer = new Writer({prefixes: {...options.prefixes}})
  writer.addQuads(triples)
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))))
}

/** jsonld 9's toRDF, typed as it behaves (its @types lag: a loader's `contextUrl` may be null), returning its quads. */
const toRDF = jsonld.toRDF as unknown as (input: object, options: {base: string; documentLoader: Loader; safe: boolean}) => Promise<JsonLdQuad[]>

interface JsonLdTerm {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph'
  value: string
  datatype?: {value: string}
  language?: string
}
interface JsonLdQuad {
  subject: JsonLdTerm
  predicate: JsonLdTerm
  object: JsonLdTerm
}

const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'

/** Triples grouped by subject (its rdf:type first), then predicate and object, so the Turtle reads node by node. */
function sortKey(quad: Quad): string {
  const {object} = quad
  const value = object.termType === 'Literal' ? `"${object.value}"@${object.language}^^${object.datatype.value}` : `<${object.value}>`
  const predicate = quad.predicate.value === rdfType ? '' : quad.predicate.value
  return `${quad.subject.value}\u0000${predicate}\u0000${value}`
}

/** Code-point order, the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
