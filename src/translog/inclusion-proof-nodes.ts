import { perfectSubtrees } from './perfect-subtrees.ts';
import type { ProofPlan, ProofPlanElement } from './proof-plan.ts';
import { assertTreeSizes, largestPowerOfTwoBelow } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/**
 * The ranges of an RFC 6962 §2.1.1 audit path (RFC 9162 §2.1.3.1 inclusion proof) for leaf
 * `index` in a tree of `size` leaves, leaf to root. Shared by planning and length checks.
 */
function inclusionRanges(index: number, size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let begin = 0;
  let end = size;
  // PATH(m, D[n]): split at k, the largest power of two < n; the sibling of the side holding
  // the leaf joins the path. Collected root-first here, reversed at the end.
  while (end - begin > 1) {
    const k = largestPowerOfTwoBelow(end - begin);
    if (index < begin + k) {
      ranges.push([begin + k, end]);
      end = begin + k;
    } else {
      ranges.push([begin, begin + k]);
      begin += k;
    }
  }
  return ranges.reverse();
}

/** Throws unless 0 ≤ index < size ≤ 2^53 − 1. */
function assertLeafInTree(index: number, size: number): void {
  assertTreeSizes({ index, size });
  if (index >= size) {
    throw new TranslogError('tree:index-out-of-range', `leaf ${index} is not in a tree of size ${size}`, { index, size });
  }
}

/**
 * Plans the inclusion proof of leaf `index` in the tree of `size` leaves: which perfect
 * subtrees to fetch and how they combine (see `ProofPlan`). Pure and cheap: at most 63
 * elements. Preconditions: 0 ≤ index < size ≤ 2^53 − 1, else `TranslogError`.
 */
export function inclusionProofNodes(index: number, size: number): ProofPlan {
  assertLeafInTree(index, size);
  const elements: ProofPlanElement[] = inclusionRanges(index, size).map(([begin, end]) => ({
    begin,
    end,
    nodes: perfectSubtrees(begin, end),
  }));
  return { elements, nodes: elements.flatMap((e) => e.nodes) };
}

/** Number of hashes in the inclusion proof of leaf `index` in a tree of `size`; same preconditions. */
export function inclusionProofLength(index: number, size: number): number {
  assertLeafInTree(index, size);
  let length = 0;
  let begin = 0;
  let end = size;
  while (end - begin > 1) {
    const k = largestPowerOfTwoBelow(end - begin);
    if (index < begin + k) end = begin + k;
    else begin += k;
    length += 1;
  }
  return length;
}
