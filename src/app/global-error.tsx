'use client';

/**
 * The last resort, when even the page frame fails: both languages, a way to try again and a way home.
 * It replaces the root layout, so it brings its own <html> and plain styles.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const button = { minHeight: 48, padding: '0 20px', fontSize: 18, borderRadius: 8, border: '1px solid #78716c', background: '#fff' };
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: 24, color: '#1c1917', background: '#fafaf9' }}>
        <main role="alert" style={{ maxWidth: 640, margin: '0 auto', fontSize: 18, lineHeight: 1.6 }}>
          <h1 style={{ fontSize: 28 }}>出了点问题，没能打开这个页面</h1>
          <p>您提交过的内容没有丢失。请稍等片刻再试一次；如果一直这样，请联系社区工作人员。</p>
          <p lang="en">Something went wrong. Nothing you submitted was lost. Please try again in a moment.</p>
          <p style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <button type="button" onClick={reset} style={button}>
              再试一次 · Try again
            </button>
            {/* A full page load on purpose: the app's own frame just failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ ...button, display: 'inline-flex', alignItems: 'center', color: 'inherit', textDecoration: 'none' }}>
              回到首页 · Home
            </a>
          </p>
          {error.digest && <p style={{ fontSize: 16, color: '#57534e' }}>错误编号 · Reference: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
