// Package resources holds the assets embedded into the Porchlight binary:
// the application icon and the DejaVu Sans fonts that printed reports embed.
//
// The package exposes plain byte slices and imports nothing from Fyne, so
// both the UI and the PDF code can use it.
package resources

import _ "embed" // for go:embed

// Icon is the application icon, a 512x512 PNG.
//
//go:embed Icon.png
var Icon []byte

// FontRegular is DejaVu Sans (TrueType), used for body text on paper.
// Its licence is in fonts/LICENSE.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold (TrueType).
// Its licence is in fonts/LICENSE.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte
