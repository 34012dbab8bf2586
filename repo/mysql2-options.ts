// Options of every mysql2 pool GoChat opens (the ORM's and the batch store's).

/**
 * mysql2 gives every pooled connection a prepared-statement cache of 16,000 entries, allocated up
 * front: four arrays of 128 KiB, 512 KiB per connection, 10 MiB for a pool of 20. GoChat sends
 * every query over the text protocol (`query`, never `execute`), so the cache is never used.
 */
export const MYSQL2_OPTIONS = { maxPreparedStatements: 1 };
