// Package analyze runs the analysis stages over one document, in order:
// sentences, entities, time expressions anchored on the publication date,
// and attributions. Each stage is deterministic and sees only the document,
// so documents can be analysed in parallel.
package analyze

import (
	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/attrib"
	"github.com/datelinehq/dateline/internal/entity"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/timex"
)

// Document analyses one document. The clock is the document's own date: the
// result depends on nothing else.
func Document(doc dateline.Document) dateline.Analysis {
	var a dateline.Analysis
	a.Sentences = sentence.Split(doc.Text)
	a.Mentions, a.Entities = entity.Recognize(doc.Text, a.Sentences)
	a.Timexes = timex.Tag(doc.Text, a.Sentences, doc.Published)
	a.Attributions = attrib.Find(doc.Text, a.Sentences, a.Mentions)
	// Empty, not nil, so the JSON shape always has every list.
	if a.Sentences == nil {
		a.Sentences = []dateline.Span{}
	}
	if a.Mentions == nil {
		a.Mentions = []dateline.Mention{}
	}
	if a.Entities == nil {
		a.Entities = []dateline.Entity{}
	}
	if a.Timexes == nil {
		a.Timexes = []dateline.Timex{}
	}
	if a.Attributions == nil {
		a.Attributions = []dateline.Attribution{}
	}
	return a
}
