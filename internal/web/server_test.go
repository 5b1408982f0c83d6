package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
)

// dateBuild is a plain builder for the fixture tests: one entry per dated
// time expression, with the sentence holding it. The real builder is tested
// in its own package; here the pages only need a timeline to show.
func dateBuild(q TimelineRequest, arts []dateline.Article) dateline.Timeline {
	byDate := map[string]*dateline.TimelineDate{}
	for _, a := range arts {
		for _, tx := range a.Timexes {
			if tx.Type != dateline.TimexDate || len(tx.Value) != 10 {
				continue
			}
			d := byDate[tx.Value]
			if d == nil {
				d = &dateline.TimelineDate{Date: tx.Value}
				byDate[tx.Value] = d
			}
			d.Articles++
			for _, s := range a.Sentences {
				if s.Start <= tx.Start && tx.End <= s.End {
					d.Sentences = append(d.Sentences, dateline.TimelineSentence{Text: a.Text[s.Start:s.End],
						Citations: []dateline.Citation{{ArticleID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published.Format(dateline.DateLayout)}}})
				}
			}
		}
	}
	tl := dateline.Timeline{}
	for _, d := range byDate {
		tl.Dates = append(tl.Dates, *d)
	}
	sort.Slice(tl.Dates, func(i, j int) bool { return tl.Dates[i].Date < tl.Dates[j].Date })
	return tl
}

type ingestCall struct{ body string }

func newTestServer(t testing.TB, token string) (*Server, *[]ingestCall) {
	st := fixtureStore(t)
	var calls []ingestCall
	s := New(Deps{
		Store:    st,
		Timeline: StoreTimeline(st, dateBuild),
		Ingest: func(ctx context.Context, r io.Reader) (IngestResult, error) {
			b, _ := io.ReadAll(r)
			calls = append(calls, ingestCall{string(b)})
			n := bytes.Count(b, []byte("\n"))
			return IngestResult{Read: n, Added: n}, nil
		},
		Token:   token,
		MaxBody: 4096,
	})
	return s, &calls
}

func do(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestAPIStatuses(t *testing.T) {
	s, _ := newTestServer(t, "")
	tests := []struct {
		target string
		code   int
		want   string // substring of the body
	}{
		{"/healthz", 200, `"ok"`},
		{"/api/search?q=solvent", 200, `"total":1`},
		{"/api/search?q=solvent&limit=1&offset=0", 200, `wire-0002`},
		{"/api/search?q=water&source=harlow_gazette", 200, `"total":1`},
		{"/api/search?q=water&from=2017-06-06&to=2017-06-30", 200, `wire-0002`},
		{"/api/search?q=", 400, `give a query`},
		{"/api/search?q=water&from=2017-13-01", 400, `not a date`},
		{"/api/search?q=water&from=2017-06-09&to=2017-06-01", 400, `before from`},
		{"/api/search?q=water&limit=0", 400, `limit`},
		{"/api/search?q=water&limit=100000", 400, `limit`},
		{"/api/search?q=water&offset=-1", 400, `offset`},
		{"/api/search?q=water&limit=abc", 400, `limit`},
		{"/api/search?q=" + strings.Repeat("a", 600), 400, `longer than`},
		{"/api/search?q=%ff%fe", 400, `UTF-8`},
		{"/api/search?q=%22%22%22", 400, `no words`},
		{"/api/timeline?q=water", 200, `2017-06-04`},
		{"/api/timeline?story=s-water", 200, `"story":"s-water"`},
		{"/api/timeline?story=nope", 404, `"error"`},
		{"/api/timeline", 400, `give a query`},
		{"/api/timeline?q=water&to=yesterday", 400, `not a date`},
		{"/api/stories", 200, `s-strike`},
		{"/api/stories?limit=1", 200, `"limit":1`},
		{"/api/stories/s-water", 200, `also_carried_by`},
		{"/api/stories/none", 404, `"error"`},
		{"/api/articles/water/2017-06-05/001", 200, `"published_source":"folder"`},
		{"/api/articles/water%2F2017-06-05%2F001", 200, `"id":"water/2017-06-05/001"`},
		{"/api/articles/no-such", 404, `"error"`},
		{"/api/entities", 200, `Harlow Falls Water Authority`},
		{"/api/entities?type=person", 200, `Maria Lopez`},
		{"/api/entities?limit=999", 400, `limit`},
		{"/api/entities/Maria%20Lopez", 200, `It smells like paint`},
		{"/api/entities/nobody", 404, `no entity`},
		{"/api/quotes?source=Dan%20Okafor", 200, `We built this company`},
		{"/api/quotes?offset=x", 400, `offset`},
		{"/api/stats", 200, `"documents":5`},
		{"/api/openapi.json", 200, `"openapi"`},
		{"/api/nothing", 404, `no API endpoint`},
		{"/api/articles", 200, `"lead":`},
		{"/api/articles?source=valley_times&duplicates=true", 200, `wire-0002-copy`},
		{"/api/articles?limit=0", 400, `limit`},
		{"/api/articles/", 404, `"error"`},
		{"/metrics", 200, `dateline_http_requests_total`},
	}
	for _, tc := range tests {
		w := do(t, s, "GET", tc.target, nil)
		if w.Code != tc.code {
			t.Errorf("GET %s: status %d, want %d; body %s", tc.target, w.Code, tc.code, w.Body)
			continue
		}
		if !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("GET %s: body lacks %q: %s", tc.target, tc.want, w.Body)
		}
		if strings.HasPrefix(tc.target, "/api/") {
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q", tc.target, ct)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Errorf("GET %s: body is not JSON: %s", tc.target, w.Body)
			}
		}
	}
}

func TestSearchSnippetMarksRemoved(t *testing.T) {
	s, _ := newTestServer(t, "")
	w := do(t, s, "GET", "/api/search?q=solvent", nil)
	var page SearchPage
	if err := json.Unmarshal(w.Body.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Hits) != 1 {
		t.Fatalf("hits %+v", page.Hits)
	}
	h := page.Hits[0]
	if strings.ContainsAny(h.Snippet, "\x02\x03") {
		t.Errorf("snippet keeps the store's marks: %q", h.Snippet)
	}
	if len(h.Highlights) == 0 {
		t.Fatalf("no highlights in %q", h.Snippet)
	}
	for _, sp := range h.Highlights {
		if got := h.Snippet[sp.Start:sp.End]; !strings.EqualFold(got, "solvent") {
			t.Errorf("highlight %v is %q, want solvent", sp, got)
		}
	}
}

func TestStoryFoldsCopiesAndGroupsSpeakers(t *testing.T) {
	s, _ := newTestServer(t, "")
	w := do(t, s, "GET", "/api/stories/s-water", nil)
	var v StoryView
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range v.Articles {
		ids = append(ids, a.ID)
		if a.ID == "wire-0002" {
			if len(a.AlsoCarriedBy) != 1 || a.AlsoCarriedBy[0].Source != "valley_times" {
				t.Errorf("wire-0002 also carried by %+v, want valley_times", a.AlsoCarriedBy)
			}
		}
	}
	if strings.Contains(strings.Join(ids, " "), "wire-0002-copy") {
		t.Errorf("the copy is listed on its own: %v", ids)
	}
	speakers := map[string]int{}
	for _, g := range v.Speakers {
		speakers[g.Speaker] = len(g.Quotes)
	}
	// The authority is quoted twice under two surface forms; one group.
	if speakers["Harlow Falls Water Authority"] != 2 {
		t.Errorf("speakers %v: want the Water Authority's 2 statements grouped", speakers)
	}
	if speakers[anonymous] != 1 {
		t.Errorf("speakers %v: want one anonymous statement", speakers)
	}
}

func TestIngestAuth(t *testing.T) {
	body := `{"id":"n1","text":"x","date":"2017-06-07"}`
	tests := []struct {
		name, token, auth, ctype, body string
		code                           int
		lines                          int
	}{
		{"no token configured", "", "Bearer s3cret", "application/json", body, 403, 0},
		{"no header", "s3cret", "", "application/json", body, 401, 0},
		{"wrong token", "s3cret", "Bearer nope", "application/json", body, 401, 0},
		{"basic auth", "s3cret", "Basic czNjcmV0", "application/json", body, 401, 0},
		{"one object", "s3cret", "Bearer s3cret", "application/json", body, 201, 1},
		{"lower-case scheme", "s3cret", "bearer s3cret", "application/json", body, 201, 1},
		{"array", "s3cret", "Bearer s3cret", "application/json", "[" + body + ",\n " + body + "]", 201, 2},
		{"jsonl", "s3cret", "Bearer s3cret", "application/x-ndjson", body + "\n" + body + "\n", 201, 2},
		{"malformed", "s3cret", "Bearer s3cret", "application/json", `{"id":`, 400, 0},
		{"not an object", "s3cret", "Bearer s3cret", "application/json", `[1,2]`, 400, 0},
		{"empty", "s3cret", "Bearer s3cret", "application/json", ``, 400, 0},
		{"too large", "s3cret", "Bearer s3cret", "application/json", `{"text":"` + strings.Repeat("a", 5000) + `"}`, 413, 0},
		{"bad media type", "s3cret", "Bearer s3cret", "text/html", body, 415, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, calls := newTestServer(t, tc.token)
			hdr := []string{"Content-Type", tc.ctype}
			if tc.auth != "" {
				hdr = append(hdr, "Authorization", tc.auth)
			}
			w := do(t, s, "POST", "/api/articles", strings.NewReader(tc.body), hdr...)
			if w.Code != tc.code {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.code, w.Body)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Errorf("body not JSON: %s", w.Body)
			}
			if tc.code == 401 && w.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			got := 0
			for _, c := range *calls {
				got += strings.Count(c.body, "\n")
			}
			if got != tc.lines {
				t.Errorf("pipeline got %d lines, want %d", got, tc.lines)
			}
		})
	}
}

func TestPagesRender(t *testing.T) {
	s, _ := newTestServer(t, "")
	tests := []struct {
		target string
		code   int
		want   []string
	}{
		{"/", 200, []string{"Recent stories", "Harlow Falls water contamination", "Most covered", `<svg`}},
		{"/search?q=solvent", 200, []string{"Solvent found at 12 times federal limit", `class="hit"`, "1 article matches"}},
		{"/search?q=water&page=2", 200, []string{"articles match"}},
		{"/search", 200, []string{`name="q"`}},
		{"/search?q=water&from=junk", 400, []string{"not a date"}},
		{"/timeline?q=water", 200, []string{"Sun 4 Jun 2017", "Tue 6 Jun 2017", `href="/articles/wire-0002"`, `class="badge"`}},
		{"/timeline?story=s-water", 200, []string{"Story timeline", "Harlow Falls water contamination"}},
		{"/timeline", 200, []string{"Type what you want"}},
		{"/stories/s-water", 200, []string{"Also carried by", "valley_times", "Who said what", "It smells like paint"}},
		{"/stories/missing", 404, []string{"404"}},
		{"/articles/water/2017-06-05/001", 200, []string{`class="tx" title="2017-06-04 (DATE)"`, `href="/entities/Maria%20Lopez"`, "the name of the folder"}},
		{"/articles/wire-0002-copy", 200, []string{"A syndicated copy of"}},
		{"/articles/nope", 404, []string{"404"}},
		{"/entities/Harlow%20Falls%20Water%20Authority", 200, []string{"Water Authority", "Statements", "it was testing the supply"}},
		{"/entities/Nobody", 404, []string{"404"}},
		{"/nowhere", 404, []string{"no page"}},
		{"/static/style.css", 200, []string{"--accent"}},
	}
	for _, tc := range tests {
		w := do(t, s, "GET", tc.target, nil)
		if w.Code != tc.code {
			t.Errorf("GET %s: status %d, want %d", tc.target, w.Code, tc.code)
		}
		for _, want := range tc.want {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("GET %s: page lacks %q", tc.target, want)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: CSP %q", tc.target, csp)
		}
	}
}

// TestXSSEscaped checks the markup; the browser test checks that nothing runs.
func TestXSSEscaped(t *testing.T) {
	s, _ := newTestServer(t, "")
	for _, target := range []string{"/articles/xss-1", "/stories/s-water", "/search?q=nobody", "/timeline?story=s-water", "/"} {
		w := do(t, s, "GET", target, nil)
		body := w.Body.String()
		for _, bad := range []string{"<script>window", "<img src=x", "<svg onload", `href="javascript:`, `onerror="window`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: unescaped %q in page", target, bad)
			}
		}
	}
}

func TestIDPathRoundTrip(t *testing.T) {
	ids := []string{"plain", "bpoil_bbc/2010-04-06/1622", "a b/c?d#e", "/abs/path", "x//y", "../up", "a/./b", "100%", "ünï/cødé"}
	for _, id := range ids {
		var got string
		mux := http.NewServeMux()
		mux.HandleFunc("GET /articles/{id...}", func(w http.ResponseWriter, r *http.Request) { got = r.PathValue("id") })
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest("GET", articleHref(id), nil))
		if w.Code != 200 || got != id {
			t.Errorf("id %q: href %s routed with status %d to %q", id, articleHref(id), w.Code, got)
		}
	}
}

func TestMetricsCountRoutes(t *testing.T) {
	s, _ := newTestServer(t, "")
	do(t, s, "GET", "/api/stories", nil)
	do(t, s, "GET", "/api/stories/none", nil)
	w := do(t, s, "GET", "/metrics", nil)
	body := w.Body.String()
	for _, want := range []string{
		`dateline_http_requests_total{route="GET /api/stories",code="200"} 1`,
		`dateline_http_requests_total{route="GET /api/stories/{id...}",code="404"} 1`,
		`dateline_http_request_duration_seconds_bucket{route="GET /api/stories",le="+Inf"} 1`,
		"dateline_documents 5",
		"# TYPE dateline_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}

func TestOpenAPIListsEveryRoute(t *testing.T) {
	s, _ := newTestServer(t, "")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json does not parse: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	served := map[string]bool{}
	for _, r := range s.Routes() {
		method, path, ok := strings.Cut(r, " ")
		if !ok || !(strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/metrics") {
			continue // pages and catch-alls
		}
		path = strings.ReplaceAll(strings.ReplaceAll(path, "{id...}", "{id}"), "{name...}", "{name}")
		served[method+" "+path] = true
		if !documented[method+" "+path] {
			t.Errorf("route %s is served but not in openapi.json", method+" "+path)
		}
	}
	for d := range documented {
		if !served[d] {
			t.Errorf("openapi.json documents %s, which is not served", d)
		}
	}
}

func TestToJSONL(t *testing.T) {
	tests := []struct {
		in    string
		n     int
		isErr bool
	}{
		{`{"a":1}`, 1, false},
		{"{\n  \"a\": 1\n}", 1, false},
		{`[{"a":1},{"b":2}]`, 2, false},
		{"{\"a\":1}\n{\"b\":2}\n", 2, false},
		{`[]`, 0, true},
		{`   `, 0, true},
		{`{"a":1} x`, 0, true},
		{`"str"`, 0, true},
		{`[[{"a":1}]]`, 0, true},
		{`{"a":`, 0, true},
	}
	for _, tc := range tests {
		out, n, err := toJSONL(strings.NewReader(tc.in))
		if (err != nil) != tc.isErr || n != tc.n {
			t.Errorf("toJSONL(%q) = %d, %v; want %d, error %v", tc.in, n, err, tc.n, tc.isErr)
			continue
		}
		if err != nil {
			if dateline.ErrorKind(err) != dateline.Invalid {
				t.Errorf("toJSONL(%q): error kind %v, want invalid", tc.in, dateline.ErrorKind(err))
			}
			continue
		}
		for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
			if !json.Valid([]byte(line)) || strings.Contains(line, "\n") {
				t.Errorf("toJSONL(%q): bad line %q", tc.in, line)
			}
		}
	}
}

// FuzzToJSONL checks that any body either fails as a bad request or becomes
// lines that each hold one JSON object.
func FuzzToJSONL(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `[{"a":1},{"b":[1,2]}]`, "{}\n{}", `[`, `{"a":"\u0000"}`, `[[]]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, n, err := toJSONL(strings.NewReader(in))
		if err != nil {
			if dateline.ErrorKind(err) != dateline.Invalid {
				t.Fatalf("error of kind %v: %v", dateline.ErrorKind(err), err)
			}
			return
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != n {
			t.Fatalf("%d lines, n=%d", len(lines), n)
		}
		for _, l := range lines {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
		}
	})
}

// FuzzQuery sends arbitrary query strings to every GET endpoint: whatever a
// client sends, the answer is never a server error.
func FuzzQuery(f *testing.F) {
	s, _ := newTestServer(f, "")
	for _, q := range []string{"q=water", "q=water&from=2017-01-01&to=2016-01-01", "q=%22a&limit=3", "story=s-water", "q=a%20OR%20b&offset=9", "entity=Eastgate&q=x"} {
		f.Add(q)
	}
	paths := []string{"/api/search", "/api/timeline", "/api/stories", "/api/entities", "/api/quotes", "/search", "/timeline"}
	f.Fuzz(func(t *testing.T, q string) {
		for _, p := range paths {
			u := &url.URL{Path: p, RawQuery: q}
			r, err := http.NewRequest("GET", u.String(), nil)
			if err != nil {
				return
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Fatalf("GET %s: status %d: %s", u, w.Code, w.Body)
			}
		}
	})
}
