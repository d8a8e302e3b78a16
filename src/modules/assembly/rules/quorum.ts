// Quorum of a meeting (pure): more than the statute's fraction of the voting participants must be present.
import type { Quorum } from '../../../contracts/assembly.js';

export interface AttendanceCounts {
  entitledVoting: number;
  presentVoting: number;
  presentConsultative: number;
  presentGuests: number;
}

/**
 * Voting participants needed: more than `fraction` of those entitled, i.e. floor(entitled × fraction) + 1
 * (more than half of 100 is 51, of 101 is 51). A fraction of 0 means no quorum is needed.
 */
export function requiredForQuorum(entitledVoting: number, fraction: number): number {
  if (fraction <= 0) return 0;
  return Math.floor(entitledVoting * fraction) + 1;
}

export function quorumOf(counts: AttendanceCounts, fraction: number): Quorum {
  const required = requiredForQuorum(counts.entitledVoting, fraction);
  return { ...counts, required, reached: counts.presentVoting >= required };
}
