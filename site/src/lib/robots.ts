/** robots.txt: every crawler may read everything; the sitemap is named once the site has an address, as the sitemap protocol needs absolute URLs. */
import {urlOf} from '../../../pipeline/publish/catalogue.ts'
import {publication} from './publication.ts'

export function robotsTxt(): string {
  const sitemap = publication.base_url === null
    ? ['# No sitemap yet: the sitemap protocol needs absolute URLs, and the site has no public address', '# (base_url in sources/publication.yml). Once it has one, sitemap.xml is published and named here.']
    : [`Sitemap: ${urlOf(publication, 'sitemap.xml')}`]
  return ['# Every page and file may be crawled.', 'User-agent: *', 'Allow: /', '', ...sitemap, ''].join('\n')
}
