import 'server-only';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { refuse } from '@/server/errors';
import type { getNoticeView } from './read-board';
import { chinaDay } from '@/server/today';

type TView = NonNullable<Awaited<ReturnType<typeof getNoticeView>>>;

/** The QR code printed on the paper notice: it opens the notice online (SVG, crisp at any size). */
export function noticeQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export const CJK_FONT = process.env.YISHI_PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * The notice as an A4 PDF: title, place, dates, text, the vote and money lines as published, the
 * chain hash, and the QR code to the online notice. Chinese needs a CJK font on the server
 * (fonts-noto-cjk, or YISHI_PDF_FONT); without it the download is refused with that message.
 */
export async function noticePdf(n: TView, url: string): Promise<Buffer> {
  if (!existsSync(/*turbopackIgnore: true*/ CJK_FONT)) refuse('notice.pdfFont');
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: n.title, Creator: '议事 Yishi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (CJK_FONT.endsWith('.ttc')) doc.font(CJK_FONT, 'NotoSansCJKsc-Regular');
  else doc.font(CJK_FONT);
  const place = [n.place.street, n.place.community, n.place.compound].filter(Boolean).join(' · ');
  const d = (x: Date | null) => (x ? chinaDay(x) : '');
  doc.fontSize(20).text(n.title, { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(11)
    .fillColor('#444')
    .text(`${place}　发布：${d(n.publishedAt)}　公示期至：${d(n.periodEndsAt)}　编号：${n.seq ?? n.id}`, { align: 'center' });
  doc.moveDown(1).fillColor('#000').fontSize(13).text(n.body, { lineGap: 4 });
  if (n.attachments.length)
    doc
      .moveDown()
      .fontSize(11)
      .text(`附件：${n.attachments.map((a) => a.name).join('、')}`);
  // 落款: the issuing body and the date, right-aligned at the foot of the text, as on the page (board.issuer).
  const issuer = n.place.community ? `${n.place.community}居民委员会` : `${n.place.street ?? ''}办事处`;
  doc.moveDown(1.5).fontSize(13).fillColor('#000').text(issuer, { align: 'right' }).text(d(n.publishedAt), { align: 'right' });
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240 });
  if (doc.y + 24 > doc.page.height - 176) doc.addPage();
  const top = doc.y + 24 > doc.page.height - 176 ? 56 : Math.max(doc.y + 24, doc.page.height - 176);
  doc.image(qr, 56, top, { width: 100 });
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(`扫码查看网上公示、提出异议：${url}`, 170, top + 10, { width: 330 });
  doc.text(`防篡改校验：${n.hash ?? ''}`, 170, top + 50, { width: 330 });
  doc.end();
  return done;
}
