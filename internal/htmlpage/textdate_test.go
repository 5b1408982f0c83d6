package htmlpage

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseTextDate(t *testing.T) {
	tests := []struct {
		line string
		mdy  bool
		want string // "" when no date
	}{
		{"peter grimm / 07.11.2023 / 09:30", false, "2023-11-07"},
		{"28.01.22 / 0 kommentare", false, "2022-01-28"},
		{"4. 2. 2022.", false, "2022-02-04"},
		{"miércoles, 15 de abril de 2020", false, "2020-04-15"},
		{"25. november 2021 16:11 uhr", false, "2021-11-25"},
		{"editor — march 11, 2020 add comment", false, "2020-03-11"},
		{"jeudi 13 juin 2019, par attac france", false, "2019-06-13"},
		{"written: 2023-11-07 15:03:30", false, "2023-11-07"},
		{"입력2023.11.02. 오후 8:06", false, "2023-11-02"},
		{"2020年2月14日", false, "2020-02-14"},
		{"الأربعاء، 07 أكتوبر 2020 - 12:09 م", false, "2020-10-07"},
		{"02/10/2020", true, "2020-02-10"},  // English page: month first
		{"02/10/2020", false, "2020-10-02"}, // elsewhere day first
		{"17/02/2022", true, "2022-02-17"},  // no 17th month
		{"© 2016 harbour news", false, ""},
		{"31.02.2020", false, ""},
		{"call 0800 123 456", false, ""},
	}
	for _, tt := range tests {
		got := ""
		if d, _, ok := parseTextDate(tt.line, tt.mdy); ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("parseTextDate(%q, mdy=%v) = %q, want %q", tt.line, tt.mdy, got, tt.want)
		}
	}
}

func TestTextDate(t *testing.T) {
	fetched := time.Date(2022, 3, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body string
		want, src  string
	}{
		{
			name: "a dated element beats an earlier plain line",
			body: `<p>Ausgabe 3/2022 vom 01.03.2022</p><div class="post-date">02.03.2022</div>`,
			want: "2022-03-02", src: "text:dated-element",
		},
		{
			name: "a date inside a sentence is an event",
			body: `<p>The council, which met for the first time since the elections, will vote on 1 March 2022 on the long delayed plan for the harbour and its breakwater.</p><p>Posted 3 March 2022</p>`,
			want: "2022-03-03", src: "text:first-date",
		},
		{
			name: "links and comments only when nothing else",
			body: `<ul class="comments"><li>5 March 2022 - great article</li></ul><a href="/x">4 March 2022</a>`,
			want: "2022-03-05", src: "text:first-date",
		},
		{
			name: "a related-posts sidebar does not date the page",
			body: `<div class="sidebar"><span class="date">01.01.2022</span></div><p>Stand: 06.03.2022</p>`,
			want: "2022-03-06", src: "text:first-date",
		},
		{
			name: "nothing after the capture time",
			body: `<p class="date">11.03.2022</p>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			c, _, ok := textDate(doc, Options{Fetched: fetched}, "de")
			got := ""
			if ok {
				got = c.t.Format("2006-01-02")
			}
			if got != tt.want || (ok && c.source != tt.src) {
				t.Errorf("textDate = %q from %q, want %q from %q", got, c.source, tt.want, tt.src)
			}
		})
	}
}

func TestReadMeta(t *testing.T) {
	page := `<html><head><title>Storm closes harbour – Valley News</title>
<link rel="canonical" href="/news/storm-closes-harbour">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm closes harbour","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],"publisher":{"@type":"Organization","name":"Valley News"}}</script>
</head><body><h1>Storm closes harbour</h1></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	m := readMeta(doc, parseJSONLD(doc), "https://valley.example/x?id=1")
	want := pageMeta{title: "Storm closes harbour", author: "Ann Lee; Bo Chen", site: "Valley News", url: "https://valley.example/news/storm-closes-harbour"}
	if m != want {
		t.Errorf("readMeta = %+v, want %+v", m, want)
	}
	for in, want := range map[string]string{
		"Storm closes harbour | Valley News":     "Storm closes harbour",
		"Valley News - Storm closes the harbour": "Storm closes the harbour",
		"Plain title":                            "Plain title",
	} {
		if got := trimSiteName(in); got != want {
			t.Errorf("trimSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}
