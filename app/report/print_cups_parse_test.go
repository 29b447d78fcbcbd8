package report

import (
	"reflect"
	"testing"
)

// lpstat's printers come back with the default first and the others in
// lpstat's order; a disabled printer is marked.
func TestParseLpstatPutsTheDefaultFirst(t *testing.T) {
	out := "printer Back_Office is idle.  enabled since Sat Nov 28 13:27:26 2026\n" +
		"printer Kitchen disabled since Sat Nov 28 13:27:26 2026 -\n\tpaper jam\n" +
		"printer PDF now printing PDF-3.  enabled since Sat Nov 28 13:27:26 2026\n" +
		"system default destination: PDF\n"
	want := []Printer{{Name: "PDF", Default: true, Enabled: true}, {Name: "Back_Office", Enabled: true}, {Name: "Kitchen"}}
	if got := parseLpstat(out); !reflect.DeepEqual(got, want) {
		t.Errorf("parseLpstat:\n got %+v\nwant %+v", got, want)
	}
	if got := parseLpstat("no system default destination\n"); len(got) != 0 {
		t.Errorf("no printers: %+v", got)
	}
}

// A failed command's message reaches the person without the command's name.
func TestFirstLineDropsTheCommandName(t *testing.T) {
	if got := firstLine("lp: Error - The printer or class does not exist.\n", nil); got != "The printer or class does not exist." {
		t.Errorf("firstLine: %q", got)
	}
}
