/** A time to live in the user's language: the largest unit that fits (seconds, minutes, hours, days). */
const units: ReadonlyArray<[Intl.NumberFormatOptions['unit'], number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

export function formatTtl(ms: number, lang: string): string {
  const [unit, size] = units.find(([, size]) => ms >= size) ?? ['second', 1000];
  const value = ms / size;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
