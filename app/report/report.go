// Package report builds the printed documents of Porchlight: the weekly
// house report, the chore chart, meeting minutes and the recovery key.
//
// A Doc is a thin layer over gofpdf that gives every printed page the same
// frame: a header with the title and the house, a footer with the
// confidentiality notice, the house, the print date and "Page n of m". Text
// is set in DejaVu Sans, embedded from the resources package, so names in any
// Latin, Greek or Cyrillic script print as written.
//
// The package knows nothing of Fyne or of the data package: callers hand it
// plain strings.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"porchlight/resources"
)

// FontFamily is the name under which DejaVu Sans is registered in every
// Doc, in regular ("") and bold ("B") styles. Custom layouts drawing on
// PDF() use it with SetFont.
const FontFamily = "DejaVu"

// DefaultNotice is printed in the footer of every page when Options.Notice
// is empty.
const DefaultNotice = "CONFIDENTIAL — contains information about residents in recovery. " +
	"Do not leave unattended; shred when no longer needed."

// PageSize is a paper size.
type PageSize int

// The paper sizes Porchlight prints on.
const (
	A4 PageSize = iota
	Letter
)

// String returns the name ParsePageSize accepts.
func (s PageSize) String() string {
	switch s {
	case A4:
		return "A4"
	case Letter:
		return "Letter"
	}
	return fmt.Sprintf("PageSize(%d)", int(s))
}

// ParsePageSize reads "A4" or "Letter" (any case; "US Letter" too).
func ParsePageSize(s string) (PageSize, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return A4, nil
	case "letter", "us letter", "us-letter":
		return Letter, nil
	}
	return A4, fmt.Errorf("unknown paper size %q: use A4 or Letter", s)
}

func (s PageSize) gofpdfName() (string, error) {
	switch s {
	case A4:
		return "A4", nil
	case Letter:
		return "Letter", nil
	}
	return "", fmt.Errorf("unknown paper size %v", s)
}

// Options describe the frame of a document.
type Options struct {
	Title     string // big on page 1, in the running header after
	Subtitle  string // optional, under the title on page 1
	House     string // the house name, on every page
	Size      PageSize
	Landscape bool
	Notice    string // footer notice on every page; DefaultNotice if empty
	// Byline is an optional small line under the title on page 1 and in the
	// running header of every later page: "House copy · Prepared by ...".
	Byline  string
	Printed time.Time // the print date shown; time.Now() if zero
}

// Doc is a document being built. Its methods add content top to bottom,
// breaking pages as needed. Errors are kept and returned by Write.
type Doc struct {
	pdf    *gofpdf.Fpdf
	opts   Options
	notice []string // notice wrapped to the page width
	out    []byte   // the finished PDF, once written
}

// Layout, in millimetres.
const (
	marginX      = 15.0
	headerY      = 9.0  // top of the running header text
	contentTop   = 20.0 // where content starts on every page
	bylineH      = 4.0  // the running header's byline, when there is one
	footerBottom = 8.0  // gap between the last footer line and the paper edge
	footerLineH  = 3.4  // line height of the footer notice
	footerPageH  = 4.0  // height of the "Page n of m" line
	footerGap    = 5.0  // space kept free above the footer rule
	bodyLineH    = 5.0
)

// Font sizes, in points.
const (
	noticeFontPt   = 7.5
	footerFontPt   = 8.0
	bodyFontPt     = 10.0
	titleFontPt    = 20.0
	subtitleFontPt = 12.0
)

// pageAlias stands for the page count until gofpdf writes the PDF. It is
// unlikely in real text, which gofpdf would otherwise replace as well.
const pageAlias = "{porchlight:pages}"

// New starts a document with its first page and title block.
func New(opts Options) (*Doc, error) {
	if opts.Notice == "" {
		opts.Notice = DefaultNotice
	}
	if opts.Printed.IsZero() {
		opts.Printed = time.Now()
	}
	pdf, err := newPDF(opts)
	if err != nil {
		return nil, err
	}
	d := &Doc{pdf: pdf, opts: opts}
	d.setupPages()
	pdf.AddPage()
	d.titleBlock()
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("report: start document: %w", err)
	}
	return d, nil
}

func newPDF(opts Options) (*gofpdf.Fpdf, error) {
	size, err := opts.Size.gofpdfName()
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	orientation := "P"
	if opts.Landscape {
		orientation = "L"
	}
	pdf := gofpdf.New(orientation, "mm", size, "")
	pdf.AddUTF8FontFromBytes(FontFamily, "", resources.FontRegular)
	pdf.AddUTF8FontFromBytes(FontFamily, "B", resources.FontBold)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("report: load fonts: %w", err)
	}
	pdf.AliasNbPages(pageAlias)
	pdf.SetTitle(clean(opts.Title), true)
	pdf.SetSubject(clean(opts.House), true)
	pdf.SetCreator("Porchlight", true)
	pdf.SetCreationDate(opts.Printed)
	pdf.SetModificationDate(opts.Printed)
	pdf.SetMargins(marginX, topOf(opts), marginX)
	return pdf, nil
}

// PDF returns the underlying gofpdf document for custom layouts. Draw
// between Left() and Left()+Width(), and above Bottom(); call EnsureSpace
// before drawing a block so it is not cut by the footer.
func (d *Doc) PDF() *gofpdf.Fpdf { return d.pdf }

// Options returns the options the document was made with, defaults filled in.
func (d *Doc) Options() Options { return d.opts }

// Left is the x of the left margin, in millimetres.
func (d *Doc) Left() float64 { return marginX }

// Width is the usable width between the margins, in millimetres.
func (d *Doc) Width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*marginX
}

// Top is the y where content starts on every page, in millimetres.
func (d *Doc) Top() float64 { return topOf(d.opts) }

// topOf is where content starts: lower when the header has a byline.
func topOf(opts Options) float64 {
	if opts.Byline != "" {
		return contentTop + bylineH
	}
	return contentTop
}

// Bottom is the lowest y content may reach before the footer, in millimetres.
func (d *Doc) Bottom() float64 {
	_, h := d.pdf.GetPageSize()
	_, margin := d.pdf.GetAutoPageBreak()
	return h - margin
}

// Remaining is the height left on the current page, in millimetres.
func (d *Doc) Remaining() float64 { return d.Bottom() - d.pdf.GetY() }

// EnsureSpace starts a new page unless h millimetres are left on this one.
func (d *Doc) EnsureSpace(h float64) {
	if d.Remaining() < h {
		d.NewPage()
	}
}

// NewPage starts a new page; the cursor goes to the top of its content.
func (d *Doc) NewPage() { d.pdf.AddPage() }

// Space moves the cursor down h millimetres, without starting a page.
func (d *Doc) Space(h float64) {
	d.pdf.SetY(min(d.pdf.GetY()+h, d.Bottom()))
}

// Err reports the first error met while building the document.
func (d *Doc) Err() error { return d.pdf.Error() }

// Write finishes the document and writes the PDF to w. It may be called
// more than once; the document takes no more content after the first call.
func (d *Doc) Write(w io.Writer) error {
	if d.out == nil {
		var buf bytes.Buffer
		if err := d.pdf.Output(&buf); err != nil {
			return fmt.Errorf("report: render PDF: %w", err)
		}
		d.out = buf.Bytes()
	}
	if _, err := w.Write(d.out); err != nil {
		return fmt.Errorf("report: write PDF: %w", err)
	}
	return nil
}

// WriteFile writes the PDF to path through a temporary file in the same
// folder, renamed into place, so a reader never sees half a file.
func (d *Doc) WriteFile(path string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("report: create temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := d.Write(tmp); err != nil {
		return errors.Join(err, tmp.Close())
	}
	if err := tmp.Sync(); err != nil {
		return errors.Join(fmt.Errorf("report: sync %s: %w", tmp.Name(), err), tmp.Close())
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("report: close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("report: save %s: %w", path, err)
	}
	return nil
}

// DefaultPageSize is US Letter where the locale uses it (the Americas'
// Letter countries), A4 elsewhere.
func DefaultPageSize() PageSize {
	for _, k := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		for _, c := range []string{"_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE"} {
			if strings.Contains(v, c) {
				return Letter
			}
		}
		return A4
	}
	return A4
}
