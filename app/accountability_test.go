package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The Accountability section shows each resident's week in words, with a
// status that says what to do, and makes this week's partners.
func TestAccountabilityRosterAndPartners(t *testing.T) {
	fx := newKioskFixture(t)
	fx.u.manager = fx.u.store.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Accountability")
	share := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.Contains(l.Text, "commitments met by the house") })
	if !strings.Contains(share.Text, "to check in with") {
		t.Errorf("share line: %q", share.Text)
	}
	texts := strings.Join(screenTexts(fx.u), "\n")
	for _, want := range []string{"Outside meetings", "Curfew", fx.rs[0].Short() + " · " + fx.rs[0].Phase} {
		if !strings.Contains(texts, want) {
			t.Errorf("the roster lacks %q", want)
		}
	}
	for _, bad := range []string{"failed", "dirty", "violation"} {
		if strings.Contains(strings.ToLower(texts), bad) {
			t.Errorf("the roster says %q", bad)
		}
	}
	selectTab(t, fx.u, "Partners")
	test.Tap(findButton(t, fx.u, "Make this week's partners"))
	if !hasText(fx.u, "Partners made for this week") || !hasText(fx.u, fx.rs[0].Display()) {
		t.Fatalf("partners: %q", screenTexts(fx.u))
	}
}
