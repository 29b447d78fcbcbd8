package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The start screen names the damaged file and offers another folder;
// reopening on a good folder starts the app there, and on a bad one says
// why in the same window.
func TestStartupErrorOffersAnotherFolder(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	damage := &data.DamageError{File: "db/MANIFEST", Problem: "is missing"}
	open := func(dir string) (*data.Vault, error) { return data.OpenVault(dir, data.WithKDF(data.DemoKDF)) }
	w := ShowStartupError(a, damage, open, Options{})
	w.Show()
	var texts []string
	var another *widget.Button
	walk(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			if x.Text == "Open another folder" {
				another = x
			}
		}
	})
	if another == nil {
		t.Fatal("no Open another folder button")
	}
	if !containsText(texts, "db/MANIFEST is missing") || !containsText(texts, "The house records are damaged") {
		t.Fatalf("start screen says %q; want the damaged file named", texts)
	}
	u, err := reopen(a, filepath.Join(t.TempDir(), "new"), open, Options{})
	if err != nil {
		t.Fatalf("reopen on an empty folder: %v", err)
	}
	u.Close()
	notStore := t.TempDir()
	if err := os.WriteFile(filepath.Join(notStore, "taxes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := reopen(a, notStore, open, Options{}); !errors.Is(err, data.ErrNotAStore) {
		t.Fatalf("reopen on a foreign folder: %v, want ErrNotAStore", err)
	}
}

func containsText(texts []string, want string) bool {
	for _, s := range texts {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
