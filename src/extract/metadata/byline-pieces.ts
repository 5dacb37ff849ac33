/**
 * Helpers over a byline split into pieces with its separators kept (`[name, sep, name, sep, …]`, as a split
 * on a capturing group of commas, semicolons, "&" and "and" gives): the chunk between two commas, and that
 * chunk as printed.
 */

/** The index of the last piece of the comma-separated chunk that starts at piece `i`. */
export function chunkEnd(pieces: string[], i: number): number {
  let j = i;
  while (j + 2 < pieces.length && !/^[,;]$/.test(pieces[j + 1]!.trim())) j += 2;
  return j;
}

/** Pieces `i`…`j` joined back with their separators, as the byline printed them. */
export function joinPieces(pieces: string[], i: number, j: number): string {
  let out = pieces[i]!.trim();
  for (let k = i + 1; k <= j; k += 2) out += `${sepText(pieces[k]!)}${pieces[k + 1]!.trim()}`;
  return out;
}

/** A separator as printed between two pieces: "MS, RD", "Editor and Gardener". */
export const sepText = (sep: string): string => (/^[,;]$/.test(sep.trim()) ? `${sep.trim()} ` : ` ${sep.trim()} `);
