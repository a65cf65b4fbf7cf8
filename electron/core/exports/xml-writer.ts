/**
 * A small XML writer for the e-invoices: elements are built as data (`el`), and every text and attribute value is
 * escaped when the tree is written (`xmlDocument`), so no text from the register can break the markup. Characters
 * XML 1.0 cannot carry at all (control characters, lone surrogates) become a space: they cannot be escaped, and an
 * invoice must still be readable.
 */

export type XmlElement = {
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** Text content; an element has either text or children. */
  text?: string;
  children: readonly XmlElement[];
};

/** A child slot may be left empty (`undefined`, `false`, `''`) so optional parts read inline as `cond && el(…)`. */
type Absent = undefined | null | false | '';
export type XmlChild = XmlElement | Absent | readonly (XmlElement | Absent)[];

/** An element with children (absent children are skipped). */
export function el(name: string, attributes: Readonly<Record<string, string>>, ...children: XmlChild[]): XmlElement {
  const flat = children.flat().filter((child): child is XmlElement => Boolean(child));
  return { name, attributes, children: flat };
}

/** An element holding text. */
export function textEl(name: string, text: string, attributes: Readonly<Record<string, string>> = {}): XmlElement {
  return { name, attributes, text, children: [] };
}

/** An element holding text, or nothing when the text is absent or blank (Peppol forbids empty elements). */
export function optionalTextEl(name: string, text: string | undefined, attributes: Readonly<Record<string, string>> = {}): XmlElement | undefined {
  return text !== undefined && text.trim() !== '' ? textEl(name, text.trim(), attributes) : undefined;
}

// Outside XML 1.0's Char production: C0 controls other than tab, LF and CR; lone surrogates (with the u flag a
// well-formed pair is one code point and does not match); U+FFFE and U+FFFF. Matching control characters is the point.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** Text content escaped for XML. */
export function escapeText(value: string): string {
  // Most texts (dates, amounts, codes) need nothing; a run writes hundreds of thousands of them.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(NOT_XML_CHAR, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value escaped for a double-quoted attribute (line breaks kept as character references). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/u;

function write(element: XmlElement, depth: number, out: string[]): void {
  if (!NAME.test(element.name)) throw new Error(`Not an XML name: ${element.name}`);
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes)
    .map(([key, value]) => {
      if (!NAME.test(key)) throw new Error(`Not an XML attribute name: ${key}`);
      return ` ${key}="${escapeAttribute(value)}"`;
    })
    .join('');
  if (element.text !== undefined) {
    out.push(`${indent}<${element.name}${attributes}>${escapeText(element.text)}</${element.name}>`);
  } else if (element.children.length === 0) {
    out.push(`${indent}<${element.name}${attributes}/>`);
  } else {
    out.push(`${indent}<${element.name}${attributes}>`);
    for (const child of element.children) write(child, depth + 1, out);
    out.push(`${indent}</${element.name}>`);
  }
}

/** The whole document: the UTF-8 declaration, then the root element, indented, ending with a newline. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
