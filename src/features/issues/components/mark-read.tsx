'use client';
import { useTransition } from 'react';
import { markInboxReadAction } from '../actions';

export function MarkReadButton({ text }: { text: string }) {
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} onClick={() => start(() => void markInboxReadAction())} className="min-h-12 rounded-lg border border-stone-400 bg-white px-4 text-lg">
      {text}
    </button>
  );
}
