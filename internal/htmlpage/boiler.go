package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The container the extractor picks sometimes holds furniture that its
// class names did not give away: "related articles" blocks, newsletter
// prompts, "read also" links between paragraphs. These phrases mark such
// blocks in the languages news sites most often use; we cut on them only
// where they look like a heading or a one-line prompt, never inside
// running prose.

// tailMarkers head a block that ends the article: once one appears as a
// short paragraph in the second half of the text, the rest is dropped.
var tailMarkers = []string{
	// English
	"related articles", "related posts", "related stories", "related content", "related news", "related",
	"more from", "more stories", "more on this", "you may also like", "you might also like",
	"recommended for you", "recommended", "most popular", "most read", "trending now", "latest news",
	"latest articles", "leave a comment", "leave a reply", "comments", "share this", "about the author",
	"read more", "read next", "more stories", "keep reading", "the latest",
	// German
	"weitere artikel", "weitere beiträge", "weitere themen", "weitere nachrichten", "weitere meldungen",
	"das könnte sie auch interessieren", "das könnte dich auch interessieren", "das könnte sie interessieren",
	"auch interessant", "lesen sie auch", "mehr zum thema", "empfohlene beiträge", "empfohlene artikel",
	"neueste artikel", "neueste beiträge", "die meistgelesenen artikel", "weitere themen",
	"weitere aktuelle themen", "alle artikel", "mehr zum thema", "mehr zu", "zum weiterlesen",
	"das könnte dich interessieren", "über den autor", "über die autorin", "zur person", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel",
	"verwandte beiträge", "meistgelesen", "meist gelesen", "kommentare", "kommentar schreiben",
	"teilen mit", "diesen artikel teilen", "beliebte artikel", "beliebte beiträge", "top-artikel",
	// Spanish, Portuguese, Italian
	"noticias relacionadas", "artículos relacionados", "lo más leído", "más leídas", "más noticias",
	"también te puede interesar", "te puede interesar", "le puede interesar", "comentarios",
	"notícias relacionadas", "leia também", "veja também", "mais lidas",
	"articoli correlati", "potrebbe interessarti", "più letti", "leggi anche",
	// French
	"à lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "les plus lus",
	"vous aimerez aussi", "dans la même rubrique", "commentaires",
	// Polish
	"czytaj także", "czytaj też", "zobacz także", "zobacz też", "polecane", "najnowsze", "komentarze",
}

// inlineMarkers open a one-paragraph link to another article.
var inlineMarkers = []string{
	"le puede interesar", "lea también", "lee también", "te puede interesar", "mire:", "lea:", "vea:",
	"lesen sie auch", "auch interessant", "mehr zum thema", "weiterlesen:", "mehr lesen:", "lies auch",
	"read more:", "also read:", "read also:", "related:", "see also:", "must read:",
	"à lire aussi", "lire aussi", "czytaj także", "czytaj też", "zobacz także", "zobacz też", "dowiedz się więcej",
	"leia também", "leia mais", "leggi anche", "lue aiheesta lisää", "lue myös", "más sobre", "mira:", "läs också",
}

// creditPrefixes open a photo credit or caption line.
var creditPrefixes = []string{
	"©", "(c) ", "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "titelbild:", "beitragsbild",
	"titelfoto:", "copyright:", "credit:", "image:", "picture:", "getty images", "imago", "dpa/",
}

// appealPhrases are the publisher talking to the reader rather than the
// article: membership and donation appeals, app promotion, comment rules.
var appealPhrases = []string{
	"if you enjoyed", "we want to hear what you think", "be part of the conversation", "submit your letter",
	"download the", "for the latest stories", "community guidelines", "comments are moderated",
	"house rules", "hazte miembro", "gefällt dir unser", "werden sie mitglied", "zapraszamy", "unterstützen sie uns",
	"support our journalism", "become a member", "sign in to comment", "log in to comment",
	// Post furniture of blog engines: the line under the article that
	// files it, and the comment switch.
	"this entry was posted", "der beitrag wurde am", "dieser beitrag wurde", "dieser text wurde veröffentlicht",
	"kommentare geschlossen", "comments are closed", "noch keine bewertungen", "sie müssen sich einloggen",
	"you must be logged in",
}

// creditWords, anywhere in a short line, mark a photo credit: the
// agencies and stock libraries that captions name.
var creditWords = []string{
	"getty images", "gettyimages", "shutterstock", "istock", "imago images", "picture alliance", "picture-alliance",
	"afp /", "/ afp", "/afp", "reuters /", "/ reuters", "dpa /", "/ dpa", "ap photo", "keystone /", "epa /",
}

// promoWords mark subscription prompts.
var promoWords = []string{
	"newsletter", "sign up", "subscribe", "abonnieren", "anmelden", "suscríbete", "suscribirse",
	"inscrivez-vous", "abonnez-vous", "zapisz się", "telegram", "whatsapp",
}

func dropBoilerplate(text string) string {
	paras := strings.Split(text, "\n\n")
	total := len(text)
	seen := 0
	out := paras[:0]
	for _, p := range paras {
		pos := seen
		seen += len(p) + 2
		body := strings.TrimPrefix(strings.TrimPrefix(p, "- "), "> ")
		low := strings.ToLower(strings.TrimSpace(body))
		n := utf8.RuneCountInString(low)
		if onlySeparators(body) {
			// Separators left behind by removed bylines and share bars.
			continue
		}
		if n <= 60 && pos*2 >= total && len(out) > 0 && isTailMarker(low) {
			break
		}
		if n <= 250 && hasPrefixAny(low, inlineMarkers) {
			continue
		}
		if n <= 200 && strings.Count(low, " ") < 30 && containsAny(low, promoWords) {
			continue
		}
		if n <= 100 && (hasPrefixAny(low, creditPrefixes) || (n <= 60 && strings.Contains(low, "©"))) {
			continue
		}
		if n <= 60 && containsAny(low, creditWords) {
			continue
		}
		if n <= 40 && onlyDate(low) {
			// A date on a line of its own is the page's dateline or a
			// list's, not a paragraph of the article.
			continue
		}
		if n <= 300 && containsAny(low, appealPhrases) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// onlyDate reports whether a short line is a date and nothing more.
func onlyDate(low string) bool {
	_, at, ok := parseTextDate(low, false)
	if !ok || at > 3 {
		return false
	}
	letters := 0
	for _, r := range low {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	// Room for a month name and a weekday, no more.
	return letters <= 16
}

// onlySeparators reports whether s is nothing but the dots, bars and
// dashes that join byline or share-bar items.
func onlySeparators(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !strings.ContainsRune("·•|/-–—,;:*_~", r) {
			return false
		}
	}
	return true
}

func isTailMarker(low string) bool {
	low = strings.TrimRight(low, " :.!…»>")
	for _, m := range tailMarkers {
		if low == m || strings.HasPrefix(low, m+" ") || strings.HasPrefix(low, m+":") {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
