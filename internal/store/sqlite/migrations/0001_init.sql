-- Documents as ingested, with their analysis as JSON. Re-ingesting an id is a
-- no-op, so id is unique and inserts use ON CONFLICT DO NOTHING.
-- Small columns first: SQLite reads a row's columns in order, and filters on
-- story or duplicate_of must not walk through the text's overflow pages.
CREATE TABLE documents (
	rowid            INTEGER PRIMARY KEY,
	id               TEXT NOT NULL UNIQUE,
	published        TEXT NOT NULL,              -- RFC 3339, UTC
	day              TEXT NOT NULL,              -- YYYY-MM-DD of published
	source           TEXT NOT NULL DEFAULT '',
	duplicate_of     TEXT NOT NULL DEFAULT '',
	story            TEXT NOT NULL DEFAULT '',
	title            TEXT NOT NULL DEFAULT '',
	url              TEXT NOT NULL DEFAULT '',
	published_source TEXT NOT NULL DEFAULT '',
	origin           TEXT NOT NULL DEFAULT '',
	text             TEXT NOT NULL,
	-- The analysis, one JSON column per part so a reader decodes only the
	-- parts it needs ('' when the document was not analysed).
	sentences        TEXT NOT NULL DEFAULT '',
	timexes          TEXT NOT NULL DEFAULT '',
	mentions         TEXT NOT NULL DEFAULT '',
	entities         TEXT NOT NULL DEFAULT '',
	attributions     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_copies ON documents(duplicate_of) WHERE duplicate_of <> '';

-- Full-text index over title and text. External content: the text is stored
-- once, in documents.
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content='documents', content_rowid='rowid',
	tokenize='porter unicode61'
);

-- One row per (document, entity): the cross-document entity views and the
-- entity filter read this instead of parsing every analysis.
CREATE TABLE doc_entities (
	doc      INTEGER NOT NULL REFERENCES documents(rowid),
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	mentions INTEGER NOT NULL,
	aliases  TEXT NOT NULL DEFAULT '[]',        -- JSON array of surface forms
	PRIMARY KEY (doc, name)
);
CREATE INDEX doc_entities_name ON doc_entities(name COLLATE NOCASE);

-- Surface forms of entity names, so a lookup by alias ("Sessions") finds
-- the canonical name without scanning every document's alias list.
CREATE TABLE entity_aliases (
	alias TEXT NOT NULL COLLATE NOCASE,
	name  TEXT NOT NULL,
	PRIMARY KEY (alias, name)
) WITHOUT ROWID;

-- One row per attribution, for "who said what" across documents.
CREATE TABLE attributions (
	doc           INTEGER NOT NULL REFERENCES documents(rowid),
	idx           INTEGER NOT NULL,
	source_text   TEXT NOT NULL DEFAULT '',
	source_entity TEXT NOT NULL DEFAULT '',
	about         TEXT NOT NULL DEFAULT '',     -- entities named in the content, tab-separated
	body          TEXT NOT NULL,                -- JSON of dateline.Attribution
	PRIMARY KEY (doc, idx)
);
CREATE INDEX attributions_source ON attributions(source_entity COLLATE NOCASE);

CREATE TABLE stories (
	id       TEXT PRIMARY KEY,
	label    TEXT NOT NULL,
	first    TEXT NOT NULL,
	last     TEXT NOT NULL,
	articles INTEGER NOT NULL,
	outlets  INTEGER NOT NULL
);
