// Words that join a playbook's phrases without naming anything: sharing them says nothing about two texts.
const LITTLE_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'if',
  'in',
  'into',
  'is',
  'its',
  'of',
  'on',
  'or',
  'the',
  'their',
  'to',
  'with',
]);

// A word is a run of letters and digits, joined by an inner & or apostrophe: `IV&V` and `customer’s` are one word.
const WORD = /[\p{L}\p{N}]+(?:[&'’][\p{L}\p{N}]+)*/gu;

/**
 * Two texts are the same item reworded when their similarity is above this: more than half of their content
 * words are shared. At exactly one half, two-word names differing in the word that says what they are would
 * pair (`Program Charter` / `Program Budget`, `Executive Sponsor` / `Program Sponsor`); those are kept apart
 * as one removed and one added. See docs/methodology-diff.md for the cases on both sides of the line.
 */
export const REWORDED_ABOVE = 0.5;

/**
 * How alike two short texts of a playbook are: the Sørensen–Dice coefficient of their sets of content words,
 * 2 × shared / (words of `a` + words of `b`), from 0 (no word in common) to 1 (the same words).
 * Content words are lowercased words (see WORD) without the little joining words (`the`, `and`, `of`, …),
 * with a final plural `s` dropped from words of four letters or more (`Reports` = `Report`, `process` kept).
 * Order, punctuation, case and repeats do not count. A text without content words is like nothing (0).
 */
export function similarity(a: string, b: string): number {
  const left = contentWords(a);
  const right = contentWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/**
 * Pairs items of `before` with items of `after` whose `score` is above REWORDED_ABOVE, best pair first, each
 * item in one pair at most. Ties go to the earlier item of `before`, then of `after`, so the pairing depends
 * on the two lists only.
 */
export function pairAlike<A, B>(before: readonly A[], after: readonly B[], score: (a: A, b: B) => number): [A, B][] {
  const candidates: { a: number; b: number; score: number }[] = [];
  before.forEach((a, i) =>
    after.forEach((b, j) => {
      const value = score(a, b);
      if (value > REWORDED_ABOVE) candidates.push({ a: i, b: j, score: value });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: [A, B][] = [];
  for (const candidate of candidates) {
    if (usedBefore.has(candidate.a) || usedAfter.has(candidate.b)) continue;
    usedBefore.add(candidate.a);
    usedAfter.add(candidate.b);
    pairs.push([before[candidate.a] as A, after[candidate.b] as B]);
  }
  return pairs;
}

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [match] of text.toLowerCase().matchAll(WORD)) {
    const word = match.replace(/’/g, "'");
    if (LITTLE_WORDS.has(word)) continue;
    words.add(word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return words;
}
