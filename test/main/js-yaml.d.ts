/** js-yaml ships with electron-builder but without type declarations; the tests need only `load`. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
