// The indexed form of message text and the boolean query built from a search: what reaches
// InnoDB's FULLTEXT parser must be tokens it keeps (3+ characters, no operators) and the query
// must match exactly the tokens the text produced.
import { describe, expect, it } from 'vitest';
import { booleanQuery, conversationToken, searchBody } from '../../repo/search/tokens.ts';

const tokens = (content: string) => searchBody('42', content).split(' ');

describe('searchBody', () => {
  it('keeps Latin words as words: lower case, accents and full-width forms folded, short ones padded', () => {
    expect(tokens('Hello, WORLD! Café ＡＢＣ１２３ ok a')).toEqual(['hello', 'world', 'cafe', 'abc123', 'ok_', 'a__', '__c42']);
  });

  it('writes CJK text as overlapping bigrams plus the run\'s last character, in hex', () => {
    // 测 6d4b, 试 8bd5, 消 6d88, 息 606f
    expect(tokens('测试消息')).toEqual(['_06d4b08bd5', '_08bd506d88', '_06d880606f', '_0606f', '__c42']);
    expect(tokens('消')).toEqual(['_06d88', '__c42']);
  });

  it('splits mixed text into its Latin and CJK runs, and drops repeats', () => {
    expect(tokens('发布Release了 release 发布')).toEqual(['_053d105e03', '_05e03', 'release', '_04e86', '__c42']);
  });

  it('gives nothing to index for text without letters or digits', () => {
    expect(searchBody('42', '?!… 👍 ---')).toBe('');
  });

  it('names the conversation with a token no word or character can produce', () => {
    expect(conversationToken('18446744073709551615')).toBe('__c18446744073709551615');
    expect(tokens('__c42 c42 _c42')).toEqual(['c42', '__c42']);
  });

  it('never emits a token under three characters or with a boolean-mode operator', () => {
    const body = searchBody('7', 'a b 中 "quoted" +plus -minus (paren) ~tilde <lt> @3 * x*y');
    for (const t of body.split(' ')) expect(t).toMatch(/^[\p{L}\p{N}_]{3,}$/u);
  });
});

describe('booleanQuery', () => {
  it('requires every word as a prefix and every CJK bigram', () => {
    expect(booleanQuery('Meeting 测试消息')).toBe('+meeting* +_06d4b08bd5 +_08bd506d88 +_06d880606f');
  });

  it('turns one CJK character into a prefix of the bigrams it starts and of itself at the end of a run', () => {
    expect(booleanQuery('消')).toBe('+_06d88*');
    expect(tokens('取消').some((t) => t.startsWith('_06d88'))).toBe(true);
    expect(tokens('消除').some((t) => t.startsWith('_06d88'))).toBe(true);
  });

  it('leaves no operator of the user\'s through', () => {
    expect(booleanQuery('+foo -bar "baz qux" (x) ~y <z> @3 w*')).toBe('+foo* +bar* +baz* +qux* +x* +y* +z* +3* +w*');
  });

  it('is null for a text with nothing to search for', () => {
    expect(booleanQuery('  ?!… 👍 ')).toBeNull();
  });
});
