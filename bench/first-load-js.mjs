// Prints the JavaScript a first visit to each page downloads, raw and gzipped.
// Usage: start the app (npm start), then: node bench/first-load-js.mjs [baseUrl] [path …]
import { gzipSync } from 'node:zlib';

const base = process.argv[2] ?? 'http://localhost:3000';
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ['/', '/places', '/places/c/510107009003'];

for (const p of paths) {
  const html = await (await fetch(base + p, { headers: { 'accept-language': 'zh-CN' } })).text();
  // nomodule scripts (legacy polyfills) are never fetched by the browsers that run modules.
  const tags = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const srcs = [...new Set(tags.filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const buf = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
  console.log(
    `${p}: ${srcs.length} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (+ ${(inline / 1024).toFixed(1)} KB inline RSC payload); HTML ${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped`,
  );
}
