/** An SQL condition: a block between the users in the expressions `a` and `b`, in either direction. */
export const BLOCK_BETWEEN = (a: string, b: string): string =>
  `EXISTS (SELECT 1 FROM user_blocks ub WHERE (ub.blocker_id = ${a} AND ub.blocked_id = ${b}) OR (ub.blocker_id = ${b} AND ub.blocked_id = ${a}))`;
