import { describe, expect, it } from 'vitest';
import { el, escapeAttribute, escapeText, optionalTextEl, textEl, xmlDocument } from '../../../electron/core/exports/xml-writer';

describe('xml-writer', () => {
  it('escapes markup in text and, with quotes and line breaks, in attributes', () => {
    expect(escapeText('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; "d"');
    expect(escapeText(']]>')).toBe(']]&gt;');
    expect(escapeAttribute('x="1"\n&\t')).toBe('x=&quot;1&quot;&#10;&amp;&#9;');
  });

  it('replaces characters XML 1.0 cannot carry with a space and keeps astral characters whole', () => {
    expect(escapeText('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('a b c d e');
    expect(escapeText('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(escapeText('lone \uD800 high, lone \uDC00 low')).toBe('lone   high, lone   low');
    expect(escapeText('😀 åäö')).toBe('😀 åäö');
    expect(escapeText('\uD83D\uDE00\uDE00 end \uD83D')).toBe('😀  end  ');
    expect(escapeText('plain text 2022-01-01')).toBe('plain text 2022-01-01');
  });

  it('writes an indented document with the UTF-8 declaration, skipping absent children', () => {
    const xml = xmlDocument(
      el('root', { xmlns: 'urn:x', 'xmlns:a': 'urn:a' }, textEl('a:one', 'Göteborg & <Co>', { id: '"1"' }), undefined, false, '', null, [textEl('two', '2'), undefined], el('empty', {}), optionalTextEl('blank', '  '), optionalTextEl('trimmed', '  x  ')),
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<root xmlns="urn:x" xmlns:a="urn:a">',
        '  <a:one id="&quot;1&quot;">Göteborg &amp; &lt;Co&gt;</a:one>',
        '  <two>2</two>',
        '  <empty/>',
        '  <trimmed>x</trimmed>',
        '</root>',
        '',
      ].join('\n'),
    );
  });

  it('refuses element and attribute names that are not XML names (never built from data)', () => {
    expect(() => xmlDocument(el('bad name', {}))).toThrow(/Not an XML name/u);
    expect(() => xmlDocument(el('ok', { 'a b': '1' }))).toThrow(/Not an XML attribute name/u);
    expect(() => xmlDocument(textEl('<x>', ''))).toThrow(/Not an XML name/u);
  });
});
