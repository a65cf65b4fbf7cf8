import { describe, expect, it } from 'vitest';
import { isMailtoBatchUrl, MAILTO_URL_MAX } from '../../../electron/contract/rules/mailto';

describe('the mailto: links the app opens', () => {
  it('accepts BCC addresses and a subject', () => {
    expect(isMailtoBatchUrl('mailto:?bcc=a@habo.se')).toBe(true);
    expect(isMailtoBatchUrl('mailto:?bcc=%C3%A5sa@habo.se,b@kil.se&subject=M%C3%B6te')).toBe(true);
  });

  it('refuses other headers, a To address, other schemes, line breaks and overlong links', () => {
    for (const url of [
      'mailto:a@habo.se',
      'mailto:?bcc=a@habo.se&body=hej',
      'mailto:?bcc=a@habo.se&attach=C:\\x',
      'mailto:?cc=a@habo.se',
      'mailto:?bcc=a@habo.se\r\nX: y',
      'mailto:?bcc=',
      'https://sambruk.se/',
      `mailto:?bcc=${'a'.repeat(MAILTO_URL_MAX)}@x.se`,
    ]) {
      expect(isMailtoBatchUrl(url), url).toBe(false);
    }
  });
});
