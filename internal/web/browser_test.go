package web

import (
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var screenshots = flag.Bool("screenshots", false, "write docs/screenshots/*.png from the browser tests")

// chromium finds the browser: $DATELINE_CHROMIUM, else Debian's chromium.
// Without one the browser tests skip, except under CI=true, where the
// browser is part of the environment and its absence is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DATELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found; CI must install Debian's chromium package")
	}
	t.Skip("chromium not found; install Debian's chromium package to run the browser tests")
	return ""
}

// browser starts a headless Chromium on a fresh profile. The flags keep it
// from reaching for the network (the machine has none; without them it
// stalls on connection attempts).
func browser(t *testing.T, dialogs *int) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("no-proxy-server", true),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	var ctx context.Context
	var cancel context.CancelFunc
	ctx, cancel = chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			*dialogs++
			// A dialog blocks the page; dismiss it so the test can report.
			go chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	}))
	t.Cleanup(func() { cancel(); acancel() })
	// Start the browser now, outside any per-step deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a deadline, so a stuck page fails the test instead
// of hanging it.
func step(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func TestBrowserTimelineToArticle(t *testing.T) {
	env := sampleServer(t, false)
	ts := httptest.NewServer(env.srv)
	defer ts.Close()
	dialogs := 0
	ctx := browser(t, &dialogs)

	step(t, ctx, chromedp.Navigate(ts.URL+"/timeline?q="+env.query))
	dates := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.tl-date time')).map(e => e.getAttribute('datetime'))`)
	if len(dates) < env.minDates {
		t.Fatalf("timeline of %q shows %d dates %v, want at least %d", env.query, len(dates), dates, env.minDates)
	}
	for i := 1; i < len(dates); i++ {
		if dates[i] < dates[i-1] {
			t.Errorf("dates out of order: %v", dates)
		}
	}
	badges := eval[int](t, ctx, `document.querySelectorAll('.tl-sent a.badge').length`)
	if badges == 0 {
		t.Fatal("no outlet badges on the timeline")
	}
	href := eval[string](t, ctx, `document.querySelector('.tl-sent a.badge').getAttribute('href')`)
	if !strings.HasPrefix(href, "/articles/") {
		t.Fatalf("badge links to %q", href)
	}
	if *screenshots {
		shoot(t, ctx, "timeline.png")
	}

	// Follow the first citation to its article.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".tl-sent a.badge"))); err != nil {
		t.Fatal(err)
	}
	loc := eval[string](t, ctx, `location.pathname`)
	if loc != href {
		t.Errorf("clicked %s, landed on %s", href, loc)
	}
	counts := eval[map[string]int](t, ctx, `({
		ent: document.querySelectorAll('#text .ent').length,
		tx: document.querySelectorAll('#text .tx[title]').length,
		quote: document.querySelectorAll('#text .quote, #text .cue').length,
	})`)
	if counts["ent"] == 0 || counts["tx"] == 0 {
		t.Errorf("article %s highlights %v: want entities and time expressions", loc, counts)
	}
	if env.wantQuotes && counts["quote"] == 0 {
		t.Errorf("article %s highlights %v: want attributions", loc, counts)
	}
	// The normalised value is on hover: a title such as "2017-06-06 (DATE)".
	title := eval[string](t, ctx, `document.querySelector('#text .tx[title]').title`)
	if len(title) < 4 || !strings.ContainsAny(title[:1], "0123456789PXT") {
		t.Errorf("time expression title %q does not look like a TimeML value", title)
	}
	dated := eval[string](t, ctx, `document.querySelector('.dated').textContent`)
	if !strings.Contains(dated, "from ") {
		t.Errorf("the article does not say where its date came from: %q", dated)
	}
	if dialogs != 0 {
		t.Errorf("%d dialogs opened", dialogs)
	}
}

// TestBrowserXSSInert renders the pages that show hostile text: the sample's
// XSS article (payloads that would open dialogs) and the fixture's (payloads
// that would set window.__xss).
func TestBrowserXSSInert(t *testing.T) {
	fixture, _ := newTestServer(t, "")
	envs := []sampleEnv{sampleServer(t, true), {srv: fixture, xssID: "xss-1", xssWord: "nobody",
		xssPages: []string{"/", "/stories/s-water", entityHref(`<img src=x onerror="window.__xss=9">`)}}}
	dialogs := 0
	ctx := browser(t, &dialogs)
	for _, env := range envs {
		ts := httptest.NewServer(env.srv)
		defer ts.Close()
		xssPages(t, ctx, ts.URL, env)
	}
	if dialogs != 0 {
		t.Errorf("%d dialogs opened", dialogs)
	}
}

func xssPages(t *testing.T, ctx context.Context, base string, env sampleEnv) {
	for _, p := range append([]string{articleHref(env.xssID), "/search?q=" + env.xssWord}, env.xssPages...) {
		step(t, ctx, chromedp.Navigate(base+p))
		ran := eval[string](t, ctx, `typeof window.__xss`)
		if ran != "undefined" {
			t.Errorf("%s: a payload ran (window.__xss is %s)", p, ran)
		}
		// Control: the payload is on the page, as text. Without this, an
		// empty page would pass.
		body := eval[string](t, ctx, `document.body.textContent`)
		if !strings.Contains(body, "<script>") && !strings.Contains(body, "onerror") {
			t.Errorf("%s: the payload text is not shown; the test proves nothing", p)
		}
		scripts := eval[int](t, ctx, `document.querySelectorAll('script, [onerror], [onload], iframe').length`)
		if scripts != 0 {
			t.Errorf("%s: %d live script elements or handlers in the DOM", p, scripts)
		}
	}
}

// TestBrowserScreenshots renders the pages the README shows. With
// -screenshots it writes them to docs/screenshots/.
func TestBrowserScreenshots(t *testing.T) {
	env := sampleServer(t, false)
	ts := httptest.NewServer(env.srv)
	defer ts.Close()
	dialogs := 0
	ctx := browser(t, &dialogs)
	pages := []struct{ path, file, sel string }{
		{"/", "home.png", ".hero"},
		{"/stories/" + idPath(env.storyID), "story.png", ".art-row"},
		{articleHref(env.articleID), "article.png", "#text"},
	}
	for _, p := range pages {
		step(t, ctx, chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible(chromedp.CSS(p.sel)))
		// The stylesheet must have applied: the header is laid out as a bar.
		disp := eval[string](t, ctx, `getComputedStyle(document.querySelector('.top-in')).display`)
		if disp != "flex" {
			t.Errorf("%s: stylesheet not applied (header display %q)", p.path, disp)
		}
		if *screenshots {
			shoot(t, ctx, p.file)
		}
	}
}

func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// The viewport, not the full page: these are the README's pictures,
	// and a long story page would be a strip nobody can read.
	png, err := chromedp.Run(sctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", filepath.Join(dir, name))
}
