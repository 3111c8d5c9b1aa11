import 'server-only';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { kept } from '@/server/kept';
import { CJK_FONT } from '@/server/notices/print';
import { CARD, type TShareCard } from './cards';

const RED = '#b3261e';
const MARGIN = 72;

/** Pango markup is XML: a title is text, never markup. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A line of text as a transparent PNG (pango through libvips: wraps CJK, finds the Noto CJK font by fontconfig). */
function text(markup: string, o: { font: string; width: number; height?: number }) {
  const fontfile = existsSync(/*turbopackIgnore: true*/ CJK_FONT) ? CJK_FONT : undefined;
  return sharp({ text: { text: markup, font: o.font, fontfile, width: o.width, height: o.height, rgba: true, wrap: 'word-char' } })
    .png()
    .toBuffer();
}

// Drawing a card takes libvips a few hundred milliseconds; a link shared in a group chat is fetched by every phone's
// preview at once. The picture is kept by its content (a changed title draws a new one): drawn once per instance.
const drawn = kept<string, Buffer>('share-card-image', 60 * 60_000, 500);

/** The card's picture, drawn once for its content and kept (concurrent requests share the one drawing). */
export const cardPicture = (card: Pick<TShareCard, 'title' | 'place'>) =>
  drawn.get(JSON.stringify([card.title, card.place]), () => cardImage(card));

/**
 * The picture shown with a shared link (1200×630, og:image): the site's name and the place on a red band, the title
 * large below, smaller when it is long. Needs a CJK font (fonts-noto-cjk, or YISHI_PDF_FONT) as the PDF does.
 */
export async function cardImage(card: Pick<TShareCard, 'title' | 'place'>): Promise<Buffer> {
  const band = 150;
  const box = { width: CARD.width - 2 * MARGIN, height: CARD.height - band - 2 * 56 };
  const markup = `<span foreground="#1c1917">${escape(card.title)}</span>`;
  const head = await text(`<span foreground="white">议事 · ${escape(card.place)}</span>`, {
    font: 'Noto Sans CJK SC Bold 40',
    width: box.width,
  });
  let title = await text(markup, { font: 'Noto Sans CJK SC Bold 64', width: box.width });
  // Too long for the box at 64 pt: width and height both given, libvips picks the largest size at which it fits.
  if ((await sharp(title).metadata()).height > box.height) title = await text(markup, { font: 'Noto Sans CJK SC Bold', ...box });
  const headHeight = (await sharp(head).metadata()).height;
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}">` +
      `<rect width="100%" height="100%" fill="#fafaf9"/><rect width="100%" height="${band}" fill="${RED}"/>` +
      `<rect y="${CARD.height - 16}" width="100%" height="16" fill="${RED}"/></svg>`,
  );
  return sharp(background)
    .composite([
      { input: head, left: MARGIN, top: Math.max(0, Math.round((band - headHeight) / 2)) },
      { input: title, left: MARGIN, top: band + 56 },
    ])
    .png()
    .toBuffer();
}
