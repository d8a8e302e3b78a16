// A migration's checksum ignores line endings (a Windows checkout with CRLF is the same file), nothing else.
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/platform/db/migrate.js';

describe('migration checksum', () => {
  it('is the same for LF and CRLF line endings, and differs for any other edit', () => {
    const lf = 'create table a (id int);\ncreate table b (id int);\n';
    expect(checksum(lf.replace(/\n/g, '\r\n'))).toBe(checksum(lf));
    expect(checksum(lf.replace('a (', 'a  ('))).not.toBe(checksum(lf));
    expect(checksum(lf + '-- a comment\n')).not.toBe(checksum(lf));
  });
});
