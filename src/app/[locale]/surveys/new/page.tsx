import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CreateSurveyForm } from '@/features/surveys/components/manage-forms';
import { requirePermission } from '@/features/shared/guards';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { titled } from '@/i18n/titles';
import { surveyPlaces } from '@/server/surveys/read';

export const generateMetadata = titled('surveys-new');

/** 新建问卷 (decision 073): the place (a community or one of its compounds), the kind, anonymity, unit and closing time. */
export default async function NewSurveyPage({ params }: PageProps<'/[locale]/surveys/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/surveys/new', 'survey.manage');
  const t = await getTranslations('surveys');
  const words = { ...(t.raw('form') as Record<string, string>), choose: t('form.choose') };
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('form.newTitle')}</h1>
      <p className="rounded-lg bg-amber-50 p-3 text-lg">{t('notAVote')}</p>
      <CreateSurveyForm
        t={words}
        places={await surveyPlaces(by)}
        kinds={(['NEEDS', 'SATISFACTION'] as const).map((v) => ({ value: v, label: t(`kind.${v}`) }))}
        units={(['PERSON', 'HOUSEHOLD'] as const).map((v) => ({ value: v, label: t(`unit.${v}`) }))}
        viewHref={localizedPath('/surveys/ID', locale as TLocale)}
      />
    </div>
  );
}
