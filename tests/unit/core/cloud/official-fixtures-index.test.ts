/** Every stored official example is listed in the folder's README with its source, and is JSON where named so. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officialText } from './official-fixture';

const readme = officialText('README.md');
const files = ['api3', 'legacy'].flatMap((dir) =>
  readdirSync(new URL(`../../../fixtures/official/${dir}/`, import.meta.url)).map((name) => `${dir}/${name}`),
);

describe('tests/fixtures/official', () => {
  it('holds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s is listed in the README', (file) => {
    const name = file.slice(file.indexOf('/') + 1);
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(files.filter((file) => file.endsWith('.json')))('%s is JSON', (file) => {
    expect(() => JSON.parse(officialText(file))).not.toThrow();
  });
});
