import { Feed } from 'feed';
import Handlebars from 'handlebars';
import { formatThaiDate } from '@saraban/thai-format';
import type { PublicListing } from './public-listing';

// The feed library marks titles and summaries as HTML, so plain text typed by people is escaped.
const text = (s: string): string => Handlebars.Utils.escapeExpression(s);

/** The portal's Atom feed: one entry per published document, newest first. */
export function buildAtomFeed(listing: PublicListing, baseUrl: string): string {
  const portal = `${baseUrl}/p/${listing.organisation.code}`;
  const feed = new Feed({
    id: portal,
    link: portal,
    title: text(`เอกสารเผยแพร่ ${listing.organisation.name}`),
    language: 'th',
    copyright: listing.organisation.name,
    updated: listing.items[0]?.publishedAt ?? new Date(0),
    feedLinks: { atom: `${baseUrl}/public/${listing.organisation.code}/feed.atom` },
  });
  for (const item of listing.items) {
    const status =
      item.status === 'published' ? '' : item.status === 'withdrawn' ? ' (ถอนการเผยแพร่)' : ' (มีฉบับแทน)';
    feed.addItem({
      id: `${portal}/documents/${item.id}`,
      link: `${portal}/documents/${item.id}`,
      title: text(`${item.title}${status}`),
      description: text(
        `ที่ ${item.documentNo} ลงวันที่ ${formatThaiDate(new Date(`${item.datedOn}T12:00:00+07:00`))} คำสั่ง: ${item.orderText}`,
      ),
      date: item.withdrawnAt ?? item.publishedAt,
      published: item.publishedAt,
      category: item.oitItem ? [{ name: item.oitItem }] : [],
    });
  }
  return feed.atom1();
}
