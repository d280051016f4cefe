/**
 * Which pages of one region's listing to ask for, and when. DescribeInstances pages by offset and every answer
 * carries the region's TotalCount, so a listing that knows nothing asks for the first page, learns the total,
 * then asks for the rest: two rounds, each a round trip plus the time to read its pages. A refresh of a fleet
 * the app has seen (its last listing, or the cache the window read first) can ask for every page the last
 * count implies at once, and the shared rate limiter paces them as it paces any other burst.
 *
 * The count is a guess, never a bound. Every answer's TotalCount is read, and any page below the largest one
 * that was not asked for yet is asked for in one more round, so a fleet that grew before or during the
 * listing is still listed whole, as far as offset paging allows. A fleet that shrank costs the pages past its
 * new end, answered empty. These are reads, so asking for a page that turns out empty changes nothing.
 *
 * No more pages are guessed than the caller allows (`maxGuessed`): the rate limit lets only so many requests
 * go at once, and a page that would wait a window for its turn gains nothing by being guessed, as the first
 * answers come back well within that window; it is asked for in the next round instead.
 *
 * Pages asked for on that guess (all but the first) are sent once, without retries, and a failed one is
 * only forgotten: if the answers show it exists, the next round asks for it again like any other page. The
 * region fails when a page it is known to have fails. Otherwise, with the cloud out of reach, every guessed
 * page would spend all its attempts in the shared rate limiter, in front of the first pages' retries, and
 * the refresh would take several times longer to say that the cloud cannot be reached.
 */

/**
 * Reads the page at `offset` and resolves to the TotalCount its answer gave. `ahead` marks a page asked for
 * before any answer showed that it exists: send it once, without retries.
 */
export type ReadPage = (offset: number, ahead: boolean) => Promise<number>;

export interface RegionPages {
  /** Every offset read, ascending: the order in which the region's pages are joined. */
  offsets: number[];
  /** The largest TotalCount any answer gave. */
  total: number;
}

/**
 * Reads a region's pages of `size` rows. `expected` is how many instances the region had when last listed,
 * or undefined when the app has never seen it (then the first round is the first page alone), and at most
 * `maxGuessed` pages besides the first are asked for on that guess. A page known to exist that fails rejects
 * the whole, as it leaves the region's listing incomplete.
 */
export async function readRegionPages(
  size: number,
  expected: number | undefined,
  read: ReadPage,
  maxGuessed = Number.POSITIVE_INFINITY,
): Promise<RegionPages> {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`page size ${size}`);
  const asked = new Set<number>();
  let total = 0;
  // An empty region is still asked once: offset 0 is what says how many it has now.
  let wanted = offsetsBelow(Math.max(1, expected ?? 1), size, asked).slice(0, 1 + Math.max(0, maxGuessed));
  let guessed = expected !== undefined;
  while (wanted.length > 0) {
    for (const offset of wanted) asked.add(offset);
    const totals = await Promise.all(
      wanted.map((offset) => {
        if (!guessed || offset === 0) return read(offset, false);
        return read(offset, true).catch(() => {
          asked.delete(offset);
          return 0;
        });
      }),
    );
    guessed = false;
    for (const count of totals) total = Math.max(total, count);
    wanted = offsetsBelow(total, size, asked);
  }
  return { offsets: [...asked].sort((a, b) => a - b), total };
}

/**
 * How many pages each region may guess so that every region's first page and the guesses together fit in
 * what the rate limit lets go at once (`limit`), shared out in the regions' order. `pages[i]` is how many
 * pages region i had when last listed, undefined when unknown.
 */
export function guessBudget(pages: ReadonlyArray<number | undefined>, limit: number): number[] {
  let left = Math.max(0, limit - pages.length);
  return pages.map((count) => {
    const take = Math.min(Math.max(0, (count ?? 1) - 1), left);
    left -= take;
    return take;
  });
}

/** The page offsets below `count` rows that were not asked for yet. */
function offsetsBelow(count: number, size: number, asked: ReadonlySet<number>): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset < count; offset += size) if (!asked.has(offset)) offsets.push(offset);
  return offsets;
}
