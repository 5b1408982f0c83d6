package htmlpage

import "testing"

func TestStripInert(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"script emptied", `<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>`, `<p>a</p><script></script><p>b</p>`},
		{"json-ld kept", `<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{"other json dropped", `<script type="application/json">{"a":1}</script>`, `<script type="application/json"></script>`},
		{"style, any case", `<STYLE>p{}</Style><p>x</p>`, `<STYLE></Style><p>x</p>`},
		{"svg removed", `<p>a<svg viewBox="0 0 1 1"><path d="M0"/></svg>b</p>`, `<p>ab</p>`},
		{"select removed", `<select><option>DE</option></select><p>x</p>`, `<p>x</p>`},
		{"template removed", `<template><p>t</p></template><p>x</p>`, `<p>x</p>`},
		{"comment removed", `a<!-- <p>hidden</p> -->b`, `ab`},
		{"unclosed script kept", `<p>a</p><script>var x`, `<p>a</p><script>var x`},
		{"unclosed comment kept", `a<!-- b`, `a<!-- b`},
		{"script end needs a tag end", `<script>a</scripts>b</script>c`, `<script></script>c`},
		{"name prefix is not the tag", `<scripted>x</scripted><svgx>y</svgx>`, `<scripted>x</scripted><svgx>y</svgx>`},
		{"nothing to strip", `<p>plain</p>`, `<p>plain</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripInert(tt.in); got != tt.want {
				t.Errorf("stripInert(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
