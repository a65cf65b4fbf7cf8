/**
 * The only mailto: links the app opens: BCC addresses (percent-encoded, `@` and `,` literal) and perhaps a
 * subject, nothing else, so a link can never carry a body, an attachment header or another scheme. Both the
 * core (which makes them) and the desktop shell (which hands them to the OS) check them with this.
 */
export const MAILTO_URL_MAX = 2000;

const MAILTO_BATCH = /^mailto:\?bcc=[A-Za-z0-9%@._+\-!~*'(),]+(?:&subject=[A-Za-z0-9%._\-!~*'()]*)?$/;

export function isMailtoBatchUrl(url: string): boolean {
  return url.length <= MAILTO_URL_MAX && MAILTO_BATCH.test(url);
}
