/**
 * The tools' shared argument reader: node:util's tokens, judged with the Swedish messages the tools have always
 * given, the first problem in argv's order.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { answerWithoutRunning, DEMO_DATA, kilobytes, readArgs, registerChoice, registerPath, yearChoice } from '../../../tools/cli/args';

const OPTIONS = {
  data: { type: 'string', example: '--data register.json' },
  out: { type: 'string', example: '--out ut.xlsx' },
  demo: { type: 'boolean' },
  'tidigare-ar': { type: 'boolean' },
} as const;

const refusal = (argv: string[]) => {
  const read = readArgs(argv, OPTIONS);
  return read.ok ? undefined : read.message;
};
const unknown = (arg: string) => `Okänt argument: ${arg}. Skriv --help för att se vilka val som finns.`;

describe('readArgs', () => {
  it('reads values separate or after =, and switches', () => {
    expect(readArgs(['--data', 'a.json', '--out=b=c.xlsx', '--demo', '--tidigare-ar'], OPTIONS)).toEqual({
      ok: true,
      help: false,
      values: { data: 'a.json', out: 'b=c.xlsx', demo: true, 'tidigare-ar': true },
    });
    expect(readArgs([], OPTIONS)).toEqual({ ok: true, help: false, values: {} });
    // A value may start with one dash; a switch given twice is harmless.
    expect(readArgs(['--out', '-x.xlsx', '--demo', '--demo'], OPTIONS)).toEqual({ ok: true, help: false, values: { out: '-x.xlsx', demo: true } });
  });

  it('knows --help and -h, but still refuses an unknown argument beside them', () => {
    expect(readArgs(['--help'], OPTIONS)).toEqual({ ok: true, help: true, values: {} });
    expect(readArgs(['--demo', '-h'], OPTIONS)).toEqual({ ok: true, help: true, values: { demo: true } });
    expect(refusal(['--help', '--format', 'pdf'])).toBe(unknown('--format'));
    expect(refusal(['-hx'])).toBe(unknown('-hx'));
    expect(refusal(['--help=ja'])).toBe(unknown('--help=ja'));
  });

  it('refuses unknown options, positionals, short forms and a switch with a value, naming the argument as given', () => {
    expect(refusal(['--format', 'pdf'])).toBe(unknown('--format'));
    expect(refusal(['--format=pdf'])).toBe(unknown('--format=pdf'));
    expect(refusal(['register.json'])).toBe(unknown('register.json'));
    expect(refusal(['--demo', '--', '--out', 'x'])).toBe(unknown('--'));
    expect(refusal(['-d', 'a.json'])).toBe(unknown('-d'));
    expect(refusal(['--demo=ja'])).toBe(unknown('--demo=ja'));
    expect(refusal([`--${'x'.repeat(200)}`])).toBe(unknown(`--${'x'.repeat(78)}`));
  });

  it('refuses a value option without a value, or followed by another option', () => {
    const needs = '--out behöver ett värde, till exempel --out ut.xlsx.';
    expect(refusal(['--demo', '--out'])).toBe(needs);
    expect(refusal(['--out', ''])).toBe(needs);
    expect(refusal(['--out='])).toBe(needs);
    expect(refusal(['--out', '--demo'])).toBe(needs);
    expect(refusal(['--out', '--bogus'])).toBe(needs);
    // After =, the value is what was written.
    expect(readArgs(['--out=--x.xlsx'], OPTIONS)).toEqual({ ok: true, help: false, values: { out: '--x.xlsx' } });
  });

  it('refuses a value option given twice, and reports the first problem in order', () => {
    expect(refusal(['--data', 'a.json', '--data=b.json'])).toBe('--data anges två gånger.');
    expect(refusal(['--bogus', '--out'])).toBe(unknown('--bogus'));
    expect(refusal(['--out', '--data', 'a', '--bogus'])).toBe('--out behöver ett värde, till exempel --out ut.xlsx.');
  });
});

describe('answerWithoutRunning', () => {
  it('prints the refusal and the usage on stderr with exit code 2, and the help on stdout with 0', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    expect(answerWithoutRunning({ ok: false, message: 'Ange --out.' }, 'Användning: x', io)).toBe(2);
    expect(err).toEqual(['Fel: Ange --out.', '', 'Användning: x']);
    expect(out).toEqual([]);
    expect(answerWithoutRunning({ ok: true, help: true }, 'Användning: x', io)).toBe(0);
    expect(out).toEqual(['Användning: x']);
  });
});

describe('the choices every tool shares', () => {
  it('reads one register: --data or --demo, never both or neither', () => {
    expect(registerChoice({ data: 'r.json' })).toEqual({ ok: true, data: 'r.json', demo: false });
    expect(registerChoice({ demo: true })).toEqual({ ok: true, demo: true });
    expect(registerChoice({ data: 'r.json', demo: true })).toEqual({ ok: false, message: 'Ange antingen --data <fil> eller --demo, inte båda.' });
    expect(registerChoice({})).toEqual({ ok: false, message: 'Ange registerfilen med --data <fil>, eller --demo för standardregistret.' });
    expect(registerPath({ demo: true })).toBe(DEMO_DATA);
    expect(path.basename(DEMO_DATA)).toBe('default-data.json');
    expect(registerPath({ data: 'r.json', demo: false })).toBe(path.resolve('r.json'));
  });

  it('takes a year the register holds, written as digits only, and says what it was given otherwise', () => {
    expect(yearChoice('2022', 'saknas')).toEqual({ ok: true, year: 2022 });
    expect(yearChoice(undefined, 'Ange året.')).toEqual({ ok: false, message: 'Ange året.' });
    for (const bad of [' 2022', '22', '2022a', '1200']) {
      const answer = yearChoice(bad, 'saknas');
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.message).toContain(`(fick ”${bad}”)`);
    }
  });

  it('gives sizes in whole kilobytes, never 0', () => {
    expect(kilobytes(10)).toBe('1');
    expect(kilobytes(186_400)).toBe('186');
    expect(kilobytes(1_234_567)).toMatch(/^1\s235$/u);
  });
});
