import type { MetadataRoute } from 'next';

/** Lets a resident add Yishi to the phone's home screen, with its name and icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '议事 · 社区协商议事平台',
    short_name: '议事',
    description: '居民反映问题、社区协商议事、公示栏',
    lang: 'zh-CN',
    start_url: '/',
    display: 'standalone',
    background_color: '#fafaf9',
    theme_color: '#b3261e',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
