-- Cross-document entity groups (sqlite.go, canonSQL). Each document names
-- its entities on its own evidence: one says "Barack Obama" and calls him
-- "Obama", another only ever says "Obama". A group joins the name a
-- document used alone to the longer name it stands for in most documents
-- that give both, so the entity list, the entity filter and the quotes
-- treat them as one.
--
-- key: the name folded for matching (ASCII lower case, hyphens as
-- spaces, stops dropped, a leading "the " dropped), the same as entityKey
-- in Go.
ALTER TABLE doc_entities ADD COLUMN key TEXT NOT NULL DEFAULT '';
UPDATE doc_entities SET key = CASE WHEN replace(replace(lower(name), '-', ' '), '.', '') LIKE 'the %' THEN substr(replace(replace(lower(name), '-', ' '), '.', ''), 5) ELSE replace(replace(lower(name), '-', ' '), '.', '') END;
CREATE INDEX doc_entities_key ON doc_entities(key);

-- docs: in how many documents the alias stood for the name, the evidence
-- a group is built on; akey and nkey fold alias and name as key does.
ALTER TABLE entity_aliases ADD COLUMN docs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entity_aliases ADD COLUMN akey TEXT NOT NULL DEFAULT '';
ALTER TABLE entity_aliases ADD COLUMN nkey TEXT NOT NULL DEFAULT '';
UPDATE entity_aliases SET
	akey = CASE WHEN replace(replace(lower(alias), '-', ' '), '.', '') LIKE 'the %' THEN substr(replace(replace(lower(alias), '-', ' '), '.', ''), 5) ELSE replace(replace(lower(alias), '-', ' '), '.', '') END,
	nkey = CASE WHEN replace(replace(lower(name), '-', ' '), '.', '') LIKE 'the %' THEN substr(replace(replace(lower(name), '-', ' '), '.', ''), 5) ELSE replace(replace(lower(name), '-', ' '), '.', '') END,
	docs = (SELECT count(DISTINCT e.doc) FROM doc_entities e, json_each(e.aliases) j
		WHERE e.name = entity_aliases.name COLLATE NOCASE AND e.name = entity_aliases.name
			AND j.value = entity_aliases.alias COLLATE NOCASE);
CREATE INDEX entity_aliases_akey ON entity_aliases(akey);

-- The keys of an attribution's source entity and of the entities named
-- in its content (tab-separated like about), for quotes by or about a
-- group. Folding the whole tab-separated list folds each name in it; a
-- name's leading "the " is dropped after its tab.
ALTER TABLE attributions ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE attributions ADD COLUMN about_keys TEXT NOT NULL DEFAULT '';
UPDATE attributions SET
	source_key = CASE WHEN source_entity = '' THEN '' ELSE CASE WHEN replace(replace(lower(source_entity), '-', ' '), '.', '') LIKE 'the %' THEN substr(replace(replace(lower(source_entity), '-', ' '), '.', ''), 5) ELSE replace(replace(lower(source_entity), '-', ' '), '.', '') END END,
	about_keys = replace(replace(replace(lower(about), '-', ' '), '.', ''), char(9) || 'the ', char(9));
CREATE INDEX attributions_source_key ON attributions(source_key);
