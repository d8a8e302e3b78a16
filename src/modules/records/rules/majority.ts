// Whether a vote carries under the statute's majority. Abstentions do not count as votes cast.
import type { Majority } from '../../../contracts/membership-rules.js';
import type { Votes } from '../../../contracts/records.js';

export function carries(votes: Votes, majority: Majority): boolean {
  const cast = votes.for + votes.against;
  if (cast === 0) return false;
  if (majority === 'simple') return votes.for > votes.against;
  return votes.for * 3 >= cast * 2;
}
