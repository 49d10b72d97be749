/**
 * A page's canonical URL. Search engines want it absolute (Google's
 * guidance; Lighthouse's SEO audit fails a relative one); with no
 * public address (base_url null in sources/publication.yml) there is none to
 * give, so the page names none rather than a made-up or relative one.
 */
import {urlOf} from '../../../pipeline/publish/catalogue.ts'

/** The absolute canonical URL of the page at `pathname` (`/terms/x/`), or null while the site has no address. */
export function canonicalUrl(baseUrl: string | null, pathname: string): string | null {
  return baseUrl === null ? null : urlOf({base_url: baseUrl}, pathname.replace(/^\//, ''))
}
