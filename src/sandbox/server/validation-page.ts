import type { SandboxApplication, StoredCredential } from './credential-store';

/** Validity periods offered on the validation page, in seconds (null = unlimited). OVHcloud's default is one day. */
export const validityChoices: { label: string; seconds: number | null }[] = [
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '1 week', seconds: 7 * 86_400 },
  { label: '1 month', seconds: 30 * 86_400 },
  { label: 'Unlimited', seconds: null },
];
export const defaultValiditySeconds = 86_400;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Headers for every HTML page: no scripts, no framing. */
export const htmlHeaders: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const style = `
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1b1e; }
  h1 { font-size: 1.4rem; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #dee2e6; font-family: ui-monospace, monospace; }
  th { font-family: inherit; }
  .note { background: #fff3bf; padding: .5rem .75rem; border-radius: 4px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { font-size: 1rem; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #868e96; background: #fff; cursor: pointer; }
  button.approve { background: #1c7ed6; border-color: #1c7ed6; color: #fff; }
  label { display: block; margin-top: 1rem; }
  select { font-size: 1rem; padding: .3rem; margin-top: .25rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – IPLB Console sandbox</title><style>${style}</style></head>
<body><main>${body}</main></body>
</html>`;
}

/** The page a user opens from `validationUrl`: shows the requested rules, asks for a validity, approve or refuse. */
export function validationPage(
  app: SandboxApplication,
  credential: StoredCredential,
  formAction: string,
): string {
  const rules = credential.rules
    .map((rule) => `<tr><td>${escapeHtml(rule.method)}</td><td>${escapeHtml(rule.path)}</td></tr>`)
    .join('');
  const options = validityChoices
    .map(
      (choice) =>
        `<option value="${choice.seconds ?? 'unlimited'}"${choice.seconds === defaultValiditySeconds ? ' selected' : ''}>${escapeHtml(choice.label)}</option>`,
    )
    .join('');
  const redirection = credential.redirection
    ? `<p>After your answer you will be sent back to <code>${escapeHtml(credential.redirection)}</code>.</p>`
    : '';
  return page(
    'Authorize access',
    `<h1>Authorize access to the sandbox API</h1>
<p class="note">This is the IPLB Console <strong>sandbox</strong>: a simulated OVHcloud API. No OVHcloud account is involved.</p>
<p>The application <strong>${escapeHtml(app.name)}</strong> (key <code>${escapeHtml(app.applicationKey)}</code>) asks for these rights:</p>
<table><thead><tr><th scope="col">Method</th><th scope="col">Path</th></tr></thead><tbody>${rules}</tbody></table>
${redirection}
<form method="post" action="${escapeHtml(formAction)}">
<input type="hidden" name="credentialToken" value="${escapeHtml(credential.credentialToken ?? '')}">
<label for="validity">Validity</label>
<select id="validity" name="validity">${options}</select>
<div class="actions">
<button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="refuse">Refuse</button>
</div>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
