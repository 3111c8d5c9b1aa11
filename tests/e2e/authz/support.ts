import type { APIRequestContext, Locator } from '@playwright/test';

/** Every field a form would submit, including React's hidden action fields (progressive enhancement). */
export async function formFields(form: Locator, submitter?: string): Promise<Record<string, string>> {
  return form.evaluate((f: HTMLFormElement, step) => {
    const out: Record<string, string> = {};
    for (const el of Array.from(f.elements) as HTMLInputElement[]) {
      if (!el.name || el.type === 'file') continue;
      // A submit button's name/value is sent only for the button that submits (it may carry the action).
      if (el.type === 'submit' && (!step || el.dataset.step !== step)) continue;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  }, submitter);
}

/** Posts a form as a browser without JavaScript would, from any session (or none). */
export async function postForm(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  fields: Record<string, string>,
  extra: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {},
) {
  return request.post(path, { multipart: { ...fields, ...extra }, headers: { Origin: baseURL }, maxRedirects: 0 });
}
