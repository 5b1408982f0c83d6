package dateline

import (
	"context"
	"time"
)

// Filter selects stored articles. Zero fields select everything.
type Filter struct {
	Query  string    // full-text query (FTS syntax of plain words); empty: all
	From   time.Time // published on or after this day
	To     time.Time // published on or before this day
	Source string    // exact outlet
	Story  string    // story ID
	Entity string    // canonical entity name mentioned in the article
	// IncludeDuplicates keeps syndicated copies; by default they are folded away.
	IncludeDuplicates bool
	Limit             int // 0: no limit
	Offset            int
	// Parts limits which parts of the analysis Articles reads; zero reads all.
	Parts Part
}

// Part names one part of an Analysis.
type Part uint8

// Analysis parts.
const (
	PartSentences Part = 1 << iota
	PartTimexes
	PartMentions
	PartEntities
	PartAttributions
	PartAll = PartSentences | PartTimexes | PartMentions | PartEntities | PartAttributions
	// PartNone reads the document without any of its analysis.
	PartNone Part = 1 << 7
)

// Hit is one search result.
type Hit struct {
	ID        string    `json:"id"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published"`
	Snippet   string    `json:"snippet"`
	Score     float64   `json:"score"` // BM25, higher is better
	Story     string    `json:"story,omitempty"`
}

// SearchResult is a page of hits and the total number that matched.
type SearchResult struct {
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
}

// Stats summarises a store.
type Stats struct {
	Documents  int            `json:"documents"`
	Duplicates int            `json:"duplicates"`
	Sources    int            `json:"sources"`
	Stories    int            `json:"stories"`
	Entities   int            `json:"entities"`
	First      time.Time      `json:"first"`
	Last       time.Time      `json:"last"`
	BySource   map[string]int `json:"by_source,omitempty"`
}

// EntityStat is a canonical entity across documents.
type EntityStat struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
	// Names are the names documents gave the entity when it was their
	// own ("Barack Obama" in one, "Obama" alone in another), most used
	// first; an entity's mentions carry one of them.
	Names     []string  `json:"names,omitempty"`
	Mentions  int       `json:"mentions"`
	Documents int       `json:"documents"`
	First     time.Time `json:"first"`
	Last      time.Time `json:"last"`
}

// EntityQuery selects entities.
type EntityQuery struct {
	Type   string
	Name   string // exact canonical name or alias (case-insensitive)
	Limit  int
	Offset int
}

// Quote is an attribution with the article it was found in.
type Quote struct {
	ArticleID string      `json:"article_id"`
	Outlet    string      `json:"outlet,omitempty"`
	Published time.Time   `json:"published"`
	Attr      Attribution `json:"attribution"`
}

// QuoteQuery selects attributions across documents.
type QuoteQuery struct {
	Source string // the speaker: entity name or source text (case-insensitive substring)
	About  string // an entity mentioned in the content
	Story  string
	Limit  int
	Offset int
}

// StoryQuery selects stories.
type StoryQuery struct {
	From, To time.Time
	Limit    int
	Offset   int
}

// Assignment records that an article belongs to a story and, when it is a
// near-copy, which article it copies. An empty field leaves what is stored.
type Assignment struct {
	ArticleID   string
	Story       string
	DuplicateOf string
}

// Store keeps articles, their analyses, stories and the indexes over them.
// Every implementation passes internal/store/storetest.
type Store interface {
	// Put stores articles in one transaction. An article whose ID is already
	// stored is left as it is (re-ingesting is a no-op); added counts the new ones.
	Put(ctx context.Context, articles []Article) (added int, err error)
	// Has reports which of ids are stored, so callers can skip work.
	Has(ctx context.Context, ids []string) (map[string]bool, error)
	Article(ctx context.Context, id string) (Article, error)
	// Articles streams the articles the filter selects, oldest first.
	Articles(ctx context.Context, f Filter, fn func(Article) error) error
	Search(ctx context.Context, f Filter) (SearchResult, error)
	// Coverage counts the selected articles per publication day (YYYY-MM-DD).
	Coverage(ctx context.Context, f Filter) (map[string]int, error)
	Stats(ctx context.Context) (Stats, error)

	// Assign sets story and duplicate links, applied in order, then refreshes
	// the given stories' summaries: the label as given, the counts and dates
	// from the articles stored in each (a story left with none is deleted).
	Assign(ctx context.Context, as []Assignment, stories []Story) error
	// ResetStories forgets every story and duplicate link (before a batch recluster).
	ResetStories(ctx context.Context) error
	Stories(ctx context.Context, q StoryQuery) ([]Story, error)
	Story(ctx context.Context, id string) (Story, error)

	Entities(ctx context.Context, q EntityQuery) ([]EntityStat, error)
	Quotes(ctx context.Context, q QuoteQuery) ([]Quote, error)

	Close() error
}
