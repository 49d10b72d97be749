/**
 * schema.org JSON-LD for the site's pages, as Google Dataset Search reads
 * it: a Dataset on each dataset's page and a DataCatalog on the home page.
 * Google requires a name and a description of 50 to 5,000 characters, and
 * recommends a licence URL, creator, dates, version, keywords, coverage,
 * the variables measured and a DataDownload per file.
 *
 * A short description is lengthened only with true text: the publication's
 * own description. Nothing unknown is filled in: an organisation has a URL
 * only if the publication gives one (it gives none today), a DOI only once
 * one is minted.
 */
import {urlOf, type Catalogue, type CatalogueDataset, type Distribution} from './catalogue.ts'
import {datasetIdentifier, firstIssued} from './data-json.ts'

/** Google Dataset Search's limits on `description` (it reads only the first 5,000 characters). */
export const descriptionLength = {min: 50, max: 5000} as const

/** A Dataset for the dataset's own page. */
export function datasetJsonLd(catalogue: Catalogue, dataset: CatalogueDataset): Record<string, unknown> {
  const {publication} = catalogue
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: dataset.title,
    description: described(dataset.description, catalogue),
    url: urlOf(publication, dataset.page),
    identifier: datasetIdentifier(catalogue, dataset),
    version: dataset.version,
    datePublished: firstIssued(dataset),
    dateModified: dataset.modified,
    keywords: dataset.keywords.length > 0 ? dataset.keywords : publication.keywords,
    inLanguage: publication.language,
    ...common(catalogue),
    distribution: dataset.distributions.map((distribution) => download(catalogue, distribution)),
    ...(dataset.temporal ? {temporalCoverage: `${dataset.temporal.start}/${dataset.temporal.end}`} : {}),
    ...(dataset.spatial ? {spatialCoverage: {'@type': 'Place', name: dataset.spatial}} : {}),
    variableMeasured: dataset.columns.map((column) => ({'@type': 'PropertyValue', name: column.name, description: column.description})),
    includedInDataCatalog: {'@type': 'DataCatalog', name: publication.title, url: urlOf(publication, '')}
  }
}

/** A DataCatalog for the home page, listing every dataset with its page. */
export function catalogJsonLd(catalogue: Catalogue): Record<string, unknown> {
  const {publication} = catalogue
  const dois = [publication.doi.concept, publication.doi.versions[catalogue.version]].filter((doi) => doi)
  const first = catalogue.datasets.map(firstIssued).sort()[0]
  return {
    '@context': 'https://schema.org/',
    '@type': 'DataCatalog',
    name: publication.title,
    description: described(publication.description, catalogue),
    url: urlOf(publication, ''),
    ...(dois.length > 0 ? {identifier: dois.map((doi) => `https://doi.org/${doi}`)} : {}),
    version: catalogue.version,
    ...(first ? {datePublished: first} : {}),
    dateModified: catalogue.modified,
    keywords: publication.keywords,
    inLanguage: publication.language,
    ...common(catalogue),
    dataset: catalogue.datasets.map((dataset) => ({
      '@type': 'Dataset',
      name: dataset.title,
      description: described(dataset.description, catalogue),
      url: urlOf(publication, dataset.page),
      identifier: datasetIdentifier(catalogue, dataset)
    }))
  }
}

/**
 * A description Google accepts when the facts allow: one under 50
 * characters is followed by the publication's own description (still
 * short if that is too); one over 5,000 is cut at a word, with an ellipsis.
 */
export function described(text: string, catalogue: Catalogue): string {
  const {publication} = catalogue
  let description = text.trim()
  if (description.length < descriptionLength.min && description !== publication.description.trim()) {
    description = `${description} Part of ${publication.title}: ${publication.description.trim()}`.trim()
  }
  if (description.length <= descriptionLength.max) return description
  const cut = description.lastIndexOf(' ', descriptionLength.max - 1)
  return `${description.slice(0, cut > 0 ? cut : descriptionLength.max - 1)}…`
}

/** What the Dataset and the DataCatalog say alike: licence, attribution, who made and publishes it, and that it is free. */
function common(catalogue: Catalogue): Record<string, unknown> {
  const {publication} = catalogue
  const organisation = {'@type': 'Organization', name: publication.publisher.name}
  return {
    license: publication.licences.data.url,
    creditText: publication.licences.data.attribution,
    creator: organisation,
    publisher: organisation,
    isAccessibleForFree: true
  }
}

function download(catalogue: Catalogue, distribution: Distribution): Record<string, unknown> {
  return {
    '@type': 'DataDownload',
    name: distribution.title,
    encodingFormat: distribution.mediaType,
    contentUrl: urlOf(catalogue.publication, distribution.path),
    contentSize: `${distribution.bytes} bytes`,
    sha256: distribution.sha256
  }
}
