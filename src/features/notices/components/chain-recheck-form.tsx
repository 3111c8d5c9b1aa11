'use client';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { recheckChainAction } from '../actions';

/** For staff who publish notices: recompute the whole chain now (once a minute for everyone). */
export function ChainRecheckForm({ label }: { label: string }) {
  return <ActionForm action={recheckChainAction}>{() => <SubmitButton variant="secondary">{label}</SubmitButton>}</ActionForm>;
}
