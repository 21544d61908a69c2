import { perfectSubtrees } from './perfect-subtrees.ts';
import type { ProofPlan, ProofPlanElement } from './proof-plan.ts';
import { assertTreeSizes, largestPowerOfTwoBelow } from './tree-size-arithmetic.ts';
import { TranslogError } from './translog-error.ts';

/**
 * Ranges of the RFC 6962 §2.1.2 consistency proof PROOF(m, D[n]) = SUBPROOF(m, D[n], true),
 * in proof order. Empty when m = 0 or m = n (nothing to prove).
 */
function consistencyRanges(size1: number, size2: number): Array<[number, number]> {
  if (size1 === 0 || size1 === size2) return [];
  const tail: Array<[number, number]> = [];
  let begin = 0;
  let end = size2;
  // `whole` is SUBPROOF's flag b: true while D[0:m] is still the left edge of the range we
  // are in, i.e. the verifier already knows MTH(D[begin:size1]) as the old root.
  let whole = true;
  let head: [number, number] | undefined;
  for (;;) {
    if (size1 === end) {
      // SUBPROOF(m, D[m], b): nothing if the old root is this very subtree, else its hash.
      if (!whole) head = [begin, end];
      break;
    }
    const k = largestPowerOfTwoBelow(end - begin);
    if (size1 - begin <= k) {
      // m ≤ k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      tail.push([begin + k, end]);
      end = begin + k;
    } else {
      // m > k: SUBPROOF(m − k, D[k:n], false) : MTH(D[0:k])
      tail.push([begin, begin + k]);
      begin += k;
      whole = false;
    }
  }
  // The recursion emits the innermost hash first, then each level's sibling on the way out.
  tail.reverse();
  return head ? [head, ...tail] : tail;
}

function assertOrdered(size1: number, size2: number): void {
  assertTreeSizes({ size1, size2 });
  if (size1 > size2) {
    throw new TranslogError('tree:sizes-out-of-order', `no consistency proof from ${size1} down to ${size2}`, {
      size1,
      size2,
    });
  }
}

/**
 * Plans the consistency proof from the tree of `size1` leaves to the tree of `size2` leaves
 * (RFC 6962 §2.1.2, RFC 9162 §2.1.4.1): which perfect subtrees to fetch and how they combine.
 * Empty when size1 is 0 or equals size2. Preconditions: 0 ≤ size1 ≤ size2 ≤ 2^53 − 1, else
 * `TranslogError`.
 */
export function consistencyProofNodes(size1: number, size2: number): ProofPlan {
  assertOrdered(size1, size2);
  const elements: ProofPlanElement[] = consistencyRanges(size1, size2).map(([begin, end]) => ({
    begin,
    end,
    nodes: perfectSubtrees(begin, end),
  }));
  return { elements, nodes: elements.flatMap((e) => e.nodes) };
}

/** Number of hashes in the consistency proof from size1 to size2; same preconditions. */
export function consistencyProofLength(size1: number, size2: number): number {
  assertOrdered(size1, size2);
  return consistencyRanges(size1, size2).length;
}
