// Makes the icons in public/ and src/app/favicon.ico (run by hand when the icon changes: node scripts/make-icons.mjs).
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';

// The app's icon: 议 in white on the brand red. Needs a CJK font (Debian: fonts-noto-cjk).
const svg = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#b3261e"/><text x="256" y="350" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-size="300" font-weight="700" fill="#fff" text-anchor="middle">议</text></svg>`,
);
for (const size of [192, 512])
  await sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(`public/icon-${size}.png`);
await sharp(svg, { density: 300 }).resize(180, 180).png({ compressionLevel: 9, palette: true }).toFile('public/apple-touch-icon.png');
// favicon.ico: an ICO whose one image is a 48 px PNG (every current browser reads PNG inside ICO).
const png = await sharp(svg, { density: 300 }).resize(48, 48).png({ compressionLevel: 9, palette: true }).toBuffer();
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0);
head.writeUInt16LE(1, 2);
head.writeUInt16LE(1, 4);
head.writeUInt8(48, 6);
head.writeUInt8(48, 7);
head.writeUInt8(0, 8);
head.writeUInt8(0, 9);
head.writeUInt16LE(1, 10);
head.writeUInt16LE(32, 12);
head.writeUInt32LE(png.length, 14);
head.writeUInt32LE(22, 18);
writeFileSync('src/app/favicon.ico', Buffer.concat([head, png]));
