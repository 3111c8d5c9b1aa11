import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { PrintButton } from '@/features/notices/components/notice-forms';
import { conventionsOf } from '@/server/notices/read-board';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('board-c-code-conventions');

/** The conventions (公约) of a community and its compounds: current text, every version with its changes, the vote that adopted it. */
export default async function ConventionsPage({ params }: PageProps<'/[locale]/board/c/[code]/conventions'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const c = await conventionsOf(code, locale === 'en' ? 'en' : 'zh-CN');
  if (!c) notFound();
  const t = await getTranslations('board.conventionsPage');
  const format = await getFormatter();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title', { community: c.community.name })}</h1>
      {c.conventions.length > 0 && (
        <div className="no-print">
          <PrintButton label={t('print')} />
        </div>
      )}
      {c.conventions.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        c.conventions.map((cv) => (
          <section
            key={cv.topicId}
            aria-labelledby={`cv-${cv.topicId}`}
            className="space-y-2 rounded-lg border border-stone-200 bg-white p-3"
          >
            <h2 id={`cv-${cv.topicId}`} className="text-2xl font-semibold">
              {cv.current?.title ?? cv.versions.at(-1)?.title}
            </h2>
            {cv.current ? (
              <>
                <p className="text-base text-stone-700">
                  {t('current', {
                    version: cv.current.version,
                    at: format.dateTime(cv.current.adoptedBy!.at, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }),
                  })}
                </p>
                <p className="whitespace-pre-wrap text-lg">{cv.current.body}</p>
                <p className="text-base">
                  {t('adoptedBy', {
                    lines: cv.current.adoptedBy!.words.lines.join(t('linesSeparator')),
                    outcome: cv.current.adoptedBy!.words.outcome,
                  })}
                </p>
              </>
            ) : (
              <p className="text-lg">{t('notAdopted')}</p>
            )}
            <details>
              <summary className="min-h-12 cursor-pointer py-2 text-lg">{t('versions', { count: cv.versions.length })}</summary>
              <ol className="space-y-2">
                {cv.versions.map((v) => (
                  <li key={v.id} className="text-lg">
                    <p className="font-medium">{t('version', { version: v.version, title: v.title })}</p>
                    <p className="whitespace-pre-wrap">
                      {v.diff
                        ? v.diff.map((d, i) =>
                            d.op === 'add' ? (
                              <ins key={i} className="bg-green-100">
                                {d.text}
                              </ins>
                            ) : d.op === 'del' ? (
                              <del key={i} className="bg-red-100">
                                {d.text}
                              </del>
                            ) : (
                              <span key={i}>{d.text}</span>
                            ),
                          )
                        : v.body}
                    </p>
                  </li>
                ))}
              </ol>
            </details>
          </section>
        ))
      )}
    </div>
  );
}
