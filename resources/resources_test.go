package resources

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Fatalf("Icon is %dx%d, want 512x512", cfg.Width, cfg.Height)
	}
}

func TestFonts(t *testing.T) {
	// A TrueType file starts with the sfnt version 0x00010000.
	magic := []byte{0, 1, 0, 0}
	for name, font := range map[string][]byte{"FontRegular": FontRegular, "FontBold": FontBold} {
		if len(font) < 100_000 || !bytes.HasPrefix(font, magic) {
			t.Errorf("%s is not a TrueType font (%d bytes)", name, len(font))
		}
	}
}
