package dateline

// Citation points at the article a timeline sentence came from.
type Citation struct {
	ArticleID string `json:"article_id"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published"` // YYYY-MM-DD
}

// TimelineSentence is one sentence that says what happened on a date, with
// every article that says (nearly) the same.
type TimelineSentence struct {
	Text      string     `json:"text"` // detokenised for display
	Citations []Citation `json:"citations"`
}

// TimelineDate is one date of a timeline.
type TimelineDate struct {
	Date      string             `json:"date"`     // YYYY-MM-DD
	Articles  int                `json:"articles"` // how many articles published on or referring to the date
	Sentences []TimelineSentence `json:"sentences"`
}

// Timeline answers "what happened with X, and when".
type Timeline struct {
	Query string         `json:"query"`
	Story string         `json:"story,omitempty"`
	Dates []TimelineDate `json:"dates"`
}
