-- Write-optimised full-text index. FTS5 by default merges index segments
-- as soon as four of a level exist (automerge 4), which on a bulk ingest
-- re-reads and rewrites the same postings over and over: a quarter of the
-- ingest's CPU on Timeline17. With automerge off, segments are merged only
-- when 64 of one level pile up (crisismerge), so the work is done once per
-- 64 flushes instead of once per 4. Queries read more segments; on T17
-- (about 40 segments) they took 3-24 ms either way (docs/BENCHMARKS.md §1).
-- Both settings are stored in the index itself, so they hold for every
-- later connection.
INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 0);
INSERT INTO documents_fts(documents_fts, rank) VALUES ('crisismerge', 64);
