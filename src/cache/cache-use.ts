/**
 * How a run used the cache; the report says it (`cache`, docs/cache.md). Its own file, free of
 * node imports: the report model is compiled into the HTML page's script too.
 */
export type CacheUse = 'hit' | 'extended' | 'cold' | 'off';
