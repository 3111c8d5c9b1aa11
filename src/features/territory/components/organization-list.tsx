import { getTranslations } from 'next-intl/server';
import type { TOrganizationKind } from '@/domain/organisation/organisations';

type TItem = { id: number; organization: { name: string; kind: TOrganizationKind } };

export async function OrganizationList({ items }: { items: TItem[] }) {
  const t = await getTranslations('territory');
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="organizations" className="space-y-3">
      <h2 id="organizations" className="text-2xl font-semibold">
        {t('organizations')}
      </h2>
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={i.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <span className="block text-lg font-semibold">{i.organization.name}</span>
            <span className="text-base text-stone-700">{t(`organizationKind.${i.organization.kind}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
