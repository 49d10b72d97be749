/**
 * The catalogue as DCAT-AP 3.0.1 describes one, for European-style harvesters
 * (data.europa.eu, CKAN's RDF harvester): JSON-LD, and the same graph as
 * Turtle, made from that JSON-LD so the two can never disagree.
 *
 * What is described:
 * - the catalogue (`/#catalogue`): title, description, publisher, language,
 *   licence, theme taxonomy, homepage (once the site has an address), dates,
 *   area covered and its datasets;
 * - each dataset (`<page>#dataset`), as its latest release: identifier, title,
 *   description, keywords, theme, publisher, contact point, period and area
 *   covered, version, dates, landing page and one distribution per file;
 * - each earlier release of it (`<page>#dataset-<version>`), a dataset of its
 *   own with its own files, linked by `dcat:hasVersion` (DCAT-AP) and a chain
 *   of `dcat:previousVersion` (DCAT 3);
 * - the files of every dataset at once (workbook, database), as the
 *   distributions of one more dataset, the whole publication (`/#dataset`),
 *   which `dct:hasPart` each dataset;
 * - each distribution: title, description, access and download URL, IANA media
 *   type, EU file type, size, SHA-256 checksum, licence.
 *
 * Controlled vocabularies are the ones DCAT-AP names: EU Languages, Data Theme
 * and File Type NALs, IANA media types, SPDX checksum algorithms. Each term used
 * is also given the class that its property's range implies (and the Data
 * Theme concept its label), so the graph passes DCAT-AP's range shapes on its
 * own, without a validator having to fetch those vocabularies.
 *
 * Left out rather than guessed: the publisher's type (ADMS publisher type), a
 * URI for the area covered (only its name is known), the licence's type, the
 * distributions' planned availability, a format for SQLite (not known to be in
 * the File Type NAL), a contact email or URL while the publication has none.
 *
 * The JSON-LD's context is inline (prefixes only), so reading it needs nothing
 * from the network. It does not use SEMIC's DCAT-AP 3.0.1 context: a JSON-LD
 * 1.1 processor rejects that document (its `Xsd:dateTime`-like terms are an
 * "invalid IRI mapping"; test/publish/dcat.test.ts shows it).
 *
 * Addresses: while the site has no base URL they are root-relative
 * (`/datasets/terms/#dataset`), and no `@base` is set, so a harvester resolves
 * them against the address it fetched the document from.
 */
import jsonld from 'jsonld'
import {urlOf, type Catalogue, type Distribution} from './catalogue.ts'
import {toTurtle} from './turtle.ts'

export const ns = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#'
} as const

/** The JSON-LD context of the catalogue, inline in it: the prefixes it uses, nothing else. */
export const dcatContext = {
  dcat: ns.dcat, dct: ns.dct, foaf: ns.foaf, locn: ns.locn, skos: ns.skos, spdx: ns.spdx, vcard: ns.vcard, xsd: ns.xsd
} as const

/**
 * JSON-LD context documents bundled in the project, by URL, for a jsonld
 * documentLoader. The catalogue refers to none (its context is inline), so
 * there are none: the loader's job is to make sure nothing is ever fetched.
 */
export const contexts: Record<string, unknown> = {}

/** Gives jsonld a bundled context document; throws for anything else, so nothing is ever fetched. */
export async function documentLoader(url: string): Promise<{contextUrl: null; documentUrl: string; document: unknown}> {
  if (!Object.hasOwn(contexts, url)) throw new Error(`dcat: ${url} is not a bundled JSON-LD document, and nothing is fetched`)
  return {contextUrl: null, documentUrl: url, document: structuredClone(contexts[url])}
}

const authority = 'http://publications.europa.eu/resource/authority/'
const ianaMediaTypes = 'https://www.iana.org/assignments/media-types/'

/** EU Languages NAL codes, by BCP 47 primary language subtag: only the one the publication uses. */
const euLanguages: Record<string, string> = {en: 'ENG'}

/** EU Data Theme NAL concepts every dataset is about, with their English labels in the NAL. */
const themes: Array<{code: string; label: string}> = [{code: 'HEAL', label: 'Health'}]

/** EU File Type NAL codes, by IANA media type. A type not listed (SQLite) gets no `dct:format`. */
const euFileTypes: Record<string, string> = {
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/vnd.apache.parquet': 'PARQUET',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX'
}

type Node = Record<string, unknown> & {'@id': string}
const ref = (id: string) => ({'@id': id})
const typed = (value: string, type: string) => ({'@value': value, '@type': `xsd:${type}`})

/** The DCAT-AP 3 catalogue as JSON-LD (an object to JSON.stringify). Same input, same output. */
export function dcatJsonLd(catalogue: Catalogue): Record<string, unknown> {
  const {publication} = catalogue
  const url = (sitePath: string) => urlOf(publication, sitePath)
  const root = url('')
  const hasBase = publication.base_url !== null
  const text = (value: string) => ({'@value': value, '@language': publication.language})
  const english = (value: string) => ({'@value': value, '@language': 'en'})

  // Things described once and referred to by id: agents, pages, places, vocabulary terms.
  const shared = new Map<string, Node>()
  const describe = (node: Node) => {
    const known = shared.get(node['@id'])
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(node)) throw new Error(`dcat: two descriptions of ${node['@id']}`)
    shared.set(node['@id'], node)
    return ref(node['@id'])
  }
  const page = (id: string) => describe({'@id': id, '@type': 'foaf:Document'})

  const publisher = describe({'@id': `${root}#publisher`, '@type': 'foaf:Agent', 'foaf:name': publication.publisher.name})
  const {contact} = publication
  const contactPoint = describe({
    '@id': `${root}#contact-point`,
    '@type': 'vcard:Kind',
    'vcard:fn': contact.name,
    ...(contact.email ? {'vcard:hasEmail': ref(`mailto:${contact.email}`)} : {}),
    ...(contact.url ? {'vcard:hasURL': ref(contact.url)} : {}),
    ...(contact.note ? {'vcard:note': text(contact.note)} : {})
  })
  const licenceData = publication.licences.data
  const licence = describe({'@id': licenceData.url, '@type': 'dct:LicenseDocument', 'dct:title': english(licenceData.title)})
  const languageCode = euLanguages[publication.language.split('-')[0]!.toLowerCase()]
  const language = languageCode === undefined ? {} : {
    'dct:language': describe({'@id': `${authority}language/${languageCode}`, '@type': 'dct:LinguisticSystem', 'skos:inScheme': ref(`${authority}language`)})
  }
  const themeScheme = describe({'@id': `${authority}data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': english('Data theme')})
  const theme = themes.map(({code, label}) =>
    describe({'@id': `${authority}data-theme/${code}`, '@type': 'skos:Concept', 'skos:prefLabel': english(label), 'skos:inScheme': themeScheme}))

  // Each area covered, once: a dct:Location known by its name only.
  const areas = [...new Set(catalogue.datasets.map((dataset) => dataset.spatial).filter(Boolean))].sort(compare)
  const areaRefs = new Map<string, {'@id': string}>()
  for (const area of areas) {
    const slug = area.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'area'
    let id = `${root}#area-${slug}`
    for (let n = 2; shared.has(id); n++) id = `${root}#area-${slug}-${n}`
    areaRefs.set(area, describe({'@id': id, '@type': 'dct:Location', 'locn:geographicName': text(area)}))
  }
  const coverage = (names: string[]) => {
    const refs = names.flatMap((name) => areaRefs.get(name) ?? [])
    return refs.length > 0 ? {'dct:spatial': refs} : {}
  }

  /** One file as a dcat:Distribution of what `landing` shows. */
  const distribution = (file: Distribution, landing: string, what: string, version: string): Node => {
    if (!Number.isSafeInteger(file.bytes) || file.bytes < 0) throw new Error(`dcat: ${file.path} has no valid size (${file.bytes})`)
    if (!/^[0-9a-f]{64}$/i.test(file.sha256)) throw new Error(`dcat: ${file.path} has no valid SHA-256 (${file.sha256})`)
    const download = url(file.path)
    const mediaType = file.mediaType.split(';')[0]!.trim().toLowerCase()
    // An IANA address only for a registrable type/subtype (not an x- one).
    const registered = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mediaType) && !/\/x[-.]/.test(mediaType)
    const fileType = euFileTypes[mediaType]
    return {
      '@id': `${download}#distribution`,
      '@type': 'dcat:Distribution',
      'dct:title': text(file.title),
      'dct:description': text(`${what}, release ${version}, as ${file.format}.`),
      'dcat:accessURL': page(landing),
      'dcat:downloadURL': ref(download),
      ...(registered ? {'dcat:mediaType': describe({'@id': `${ianaMediaTypes}${mediaType}`, '@type': 'dct:MediaType'})} : {}),
      ...(fileType ? {'dct:format': describe({'@id': `${authority}file-type/${fileType}`, '@type': 'dct:MediaTypeOrExtent', 'skos:inScheme': ref(`${authority}file-type`)})} : {}),
      'dcat:byteSize': typed(String(file.bytes), 'nonNegativeInteger'),
      'spdx:checksum': {
        '@id': `${download}#checksum`,
        '@type': 'spdx:Checksum',
        'spdx:algorithm': describe({'@id': `${ns.spdx}checksumAlgorithm_sha256`, '@type': 'spdx:ChecksumAlgorithm'}),
        'spdx:checksumValue': typed(file.sha256.toLowerCase(), 'hexBinary')
      },
      'dct:license': licence
    }
  }
  const distributions = (files: Distribution[], landing: string, what: string, version: string) =>
    ({'dcat:distribution': [...files].sort((a, b) => compare(a.path, b.path)).map((file) => distribution(file, landing, what, version))})

  /** What a dataset and each of its releases say alike. */
  const about = (keywords: string[]) => ({
    'dcat:keyword': [...new Set(keywords.length > 0 ? keywords : publication.keywords)].sort(compare).map(text),
    'dcat:theme': theme,
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    ...language
  })

  const datasets = [...catalogue.datasets].sort((a, b) => compare(a.name, b.name))
  const datasetNodes: Node[] = []
  for (const dataset of datasets) {
    const landing = url(dataset.page)
    const releaseId = (version: string) => `${landing}#dataset-${encodeURIComponent(version)}`
    const earlier = dataset.versions
    // What the latest release and every earlier one say alike: the dataset, one version of it, and its files.
    const release = (id: string, title: string, version: string, issued: string, files: Distribution[]): Node => ({
      '@id': id,
      '@type': 'dcat:Dataset',
      'dct:title': text(title),
      'dct:description': text(dataset.description),
      ...about(dataset.keywords),
      ...coverage([dataset.spatial]),
      'dcat:version': version,
      'dct:issued': date(issued),
      ...distributions(files, landing, dataset.title, version)
    })
    datasetNodes.push({
      ...release(`${landing}#dataset`, dataset.title, dataset.version, dataset.issued, dataset.distributions),
      'dct:identifier': hasBase ? landing : dataset.name,
      ...(dataset.temporal ? {'dct:temporal': period(`${landing}#temporal`, dataset.temporal)} : {}),
      'dct:modified': date(dataset.modified),
      'dcat:landingPage': page(landing),
      ...(earlier.length > 0 ? {
        'dcat:hasVersion': earlier.map((version) => releaseId(version.version)).sort(compare).map(ref),
        'dcat:previousVersion': ref(releaseId(earlier.at(-1)!.version))
      } : {})
    })
    // Earlier releases, oldest first, each pointing at the one before.
    earlier.forEach((version, index) => {
      datasetNodes.push({
        ...release(releaseId(version.version), `${dataset.title}, release ${version.version}`, version.version, version.date, version.distributions),
        ...(index > 0 ? {'dcat:previousVersion': ref(releaseId(earlier[index - 1]!.version))} : {})
      })
    })
  }

  const members = datasets.map((dataset) => `${url(dataset.page)}#dataset`)
  if (catalogue.distributions.length > 0) {
    const periods = datasets.flatMap((dataset) => (dataset.temporal ? [dataset.temporal] : []))
    datasetNodes.push({
      '@id': `${root}#dataset`,
      '@type': 'dcat:Dataset',
      'dct:identifier': hasBase ? root : publication.name,
      'dct:title': text(publication.title),
      'dct:description': text(publication.description),
      ...about(publication.keywords),
      ...(periods.length > 0 ? {'dct:temporal': period(`${root}#temporal`, {
        start: periods.map((p) => p.start).sort(compare)[0]!,
        end: periods.map((p) => p.end).sort(compare).at(-1)!
      })} : {}),
      ...coverage(areas),
      'dcat:version': catalogue.version,
      'dct:issued': date(catalogue.issued),
      'dct:modified': date(catalogue.modified),
      'dcat:landingPage': page(root),
      'dct:hasPart': members.map(ref),
      ...distributions(catalogue.distributions, root, publication.title, catalogue.version)
    })
    members.push(`${root}#dataset`)
  }

  const catalogueNode: Node = {
    '@id': `${root}#catalogue`,
    '@type': 'dcat:Catalog',
    'dct:title': text(publication.title),
    'dct:description': text(publication.description),
    'dct:publisher': publisher,
    ...language,
    'dct:license': licence,
    'dcat:themeTaxonomy': themeScheme,
    ...(hasBase ? {'foaf:homepage': page(root)} : {}),
    'dct:issued': date(catalogue.issued),
    'dct:modified': date(catalogue.modified),
    ...coverage(areas),
    'dcat:dataset': members.sort(compare).map(ref)
  }

  return {
    '@context': dcatContext,
    '@graph': [catalogueNode, ...datasetNodes, ...[...shared.values()].sort((a, b) => compare(a['@id'], b['@id']))]
  }
}

/** The same graph as Turtle, made from the JSON-LD (./turtle.ts), with its prefixes. Same input, same output. */
export function dcatTurtle(catalogue: Catalogue): Promise<string> {
  return toTurtle(dcatJsonLd(catalogue), {base: catalogue.publication.base_url, prefixes: dcatContext, documentLoader})
}

function period(id: string, {start, end}: {start: string; end: string}): Node {
  return {'@id': id, '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(start), 'dcat:endDate': date(end)}
}

/** A date (YYYY-MM-DD) or date-time as a typed literal; anything else is an error in the model. */
function date(value: string): {'@value': string; '@type': string} {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return typed(value, 'date')
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return typed(value, 'dateTime')
  throw new Error(`dcat: "${value}" is not a date`)
}

/** Code-point order, the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
