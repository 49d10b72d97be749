/**
 * data.json: the catalogue as Project Open Data v1.1 describes one, which
 * CKAN's `dcat_json` harvester (ckanext-dcat) and data.gov-style portals
 * read. Checked against GSA's non-federal v1.1 schema, because the official
 * one requires US bureau and program codes that a UK publisher has none of.
 *
 * What a harvester relies on: `identifier` is its GUID, so it must stay the
 * same from release to release (the dataset's name, or its page's URL once
 * the site has an address); `language` is joined as a list; every
 * distribution needs a `distribution` array, and each download its media
 * type. Facts the publication does not know (a contact address) are left
 * out, never made up: `contactPoint.hasEmail` appears once `contact.email` is set.
 */
import {urlOf, type Catalogue, type CatalogueDataset, type Distribution} from './catalogue.ts'

export const podSchema = 'https://project-open-data.cio.gov/v1.1/schema'

/** The catalogue as a Project Open Data v1.1 data.json document. */
export function dataJson(catalogue: Catalogue): Record<string, unknown> {
  return {
    // The schema lets `@type` appear only with `@context`.
    '@context': `${podSchema}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    conformsTo: podSchema,
    describedBy: `${podSchema}/catalog.json`,
    dataset: catalogue.datasets.map((dataset) => podDataset(catalogue, dataset))
  }
}

/** A dataset's identifier, the same in every release: its page's URL once the site has an address, its name until then. */
export function datasetIdentifier(catalogue: Catalogue, dataset: CatalogueDataset): string {
  return catalogue.publication.base_url === null ? dataset.name : urlOf(catalogue.publication, dataset.page)
}

/** When a dataset first appeared: its oldest release, or the release described if it has no earlier one. */
export function firstIssued(dataset: CatalogueDataset): string {
  return dataset.versions[0]?.date ?? dataset.issued
}

function podDataset(catalogue: Catalogue, dataset: CatalogueDataset): Record<string, unknown> {
  const {publication} = catalogue
  const {contact} = publication
  return {
    '@type': 'dcat:Dataset',
    identifier: datasetIdentifier(catalogue, dataset),
    title: dataset.title,
    description: dataset.description,
    // At least one keyword: the dataset's own, else the publication's.
    keyword: dataset.keywords.length > 0 ? dataset.keywords : publication.keywords,
    issued: firstIssued(dataset),
    modified: dataset.modified,
    publisher: {'@type': 'org:Organization', name: publication.publisher.name},
    contactPoint: {'@type': 'vcard:Contact', fn: contact.name, ...(contact.email ? {hasEmail: `mailto:${contact.email}`} : {})},
    accessLevel: 'public',
    license: publication.licences.data.url,
    // A list of RFC 5646 tags: the harvester joins it with commas (a string would be split into letters).
    language: [publication.language],
    ...(dataset.temporal ? {temporal: `${dataset.temporal.start}/${dataset.temporal.end}`} : {}),
    ...(dataset.spatial ? {spatial: dataset.spatial} : {}),
    landingPage: urlOf(publication, dataset.page),
    distribution: dataset.distributions.map((distribution) => podDistribution(catalogue, dataset, distribution))
  }
}

function podDistribution(catalogue: Catalogue, dataset: CatalogueDataset, distribution: Distribution): Record<string, unknown> {
  return {
    '@type': 'dcat:Distribution',
    title: distribution.title,
    description: `${dataset.title}, release ${dataset.version}, as ${distribution.format}: ${distribution.bytes} bytes, SHA-256 ${distribution.sha256}.`,
    // downloadURL requires mediaType (the schema's dependency).
    downloadURL: urlOf(catalogue.publication, distribution.path),
    mediaType: distribution.mediaType,
    format: distribution.format,
    // Not in POD v1.1, but DCAT's, and the harvester takes it as the resource's size.
    byteSize: distribution.bytes
  }
}
