package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
)

// RecoveryNotice is the footer of the recovery key page.
const RecoveryNotice = "PRIVATE — this page opens the house's records. " +
	"Do not copy or photograph it, and do not leave it lying around."

const recoveryExplain = "This key is the only way into the house's records if every " +
	"manager passcode is lost. Keep it somewhere safe and private, e.g. a locked drawer " +
	"or safe, away from this computer. Anyone holding this key and this computer can " +
	"read the records."

const recoveryTyping = "To use it, choose the recovery key on the unlock screen and type " +
	"the key exactly as printed. Capital letters and dashes do not matter."

// Sizes of the key box, in millimetres and points.
const (
	keyMaxPt      = 26.0
	keyPad        = 8.0
	keyRowGap     = 1.2 // times the font height between rows
	keyGroupSize  = 4
	keyGroupsLine = 4
	keyDashSlots  = 1.6  // a dash between groups takes this many slots
	keySlotFactor = 1.08 // a slot is the widest character times this
)

// RecoveryKey writes the one-page sheet printed at house setup that holds
// the recovery key. It carries no resident data.
func RecoveryKey(w io.Writer, house string, key string, created time.Time, size PageSize) error {
	groups := keyGroups(key)
	if len(groups) == 0 {
		return fmt.Errorf("report: recovery key is empty")
	}
	d, err := New(Options{
		Title:   "Recovery key",
		House:   house,
		Size:    size,
		Notice:  RecoveryNotice,
		Printed: created,
	})
	if err != nil {
		return err
	}
	d.KeyValues([][2]string{
		{"House", house},
		{"Created", created.Format("Monday 2 January 2006, 15:04")},
	})
	d.keyBox(groups)
	d.Paragraph(recoveryExplain)
	d.Paragraph(recoveryTyping)
	d.Space(6)
	d.fillInLine("Stored at:")
	d.fillInLine("Put there by, and date:")
	if d.pdf.PageCount() != 1 {
		return fmt.Errorf("report: recovery key sheet ran to %d pages", d.pdf.PageCount())
	}
	return d.Write(w)
}

// keyGroups splits a key into the groups it is printed in: at its dashes
// or spaces, or every four characters if it has none.
func keyGroups(key string) []string {
	fields := strings.FieldsFunc(clean(key), func(r rune) bool {
		return r == '-' || unicode.IsSpace(r)
	})
	if len(fields) != 1 {
		return fields
	}
	var groups []string
	r := []rune(fields[0])
	for i := 0; i < len(r); i += keyGroupSize {
		groups = append(groups, string(r[i:min(i+keyGroupSize, len(r))]))
	}
	return groups
}

// keyBox draws the key large, every character in a slot of the same width
// so it reads like typewriter text, groups joined by dashes, in a framed box.
func (d *Doc) keyBox(groups []string) {
	rows := chunk(groups, keyGroupsLine)
	boxW := d.Width()
	pt, slot := d.keyFont(rows, boxW-2*keyPad)
	lineH := pt * 0.3528 * keyRowGap * 1.25
	boxH := float64(len(rows))*lineH + 2*keyPad
	d.EnsureSpace(boxH + 4)
	y := d.pdf.GetY() + 2
	d.fillColor(rgb{255, 248, 232})
	d.drawColor(rgb{176, 120, 40})
	d.pdf.SetLineWidth(0.6)
	d.pdf.RoundedRect(marginX, y, boxW, boxH, 3, "1234", "FD")
	d.font("B", pt)
	for i, row := range rows {
		d.keyRow(row, slot, y+keyPad+float64(i)*lineH, lineH, boxW)
	}
	d.pdf.SetXY(marginX, y+boxH+6)
}

// keyFont finds the font size, at most keyMaxPt, at which the longest row
// fits in w, and the width of one character slot at that size.
func (d *Doc) keyFont(rows [][]string, w float64) (pt, slot float64) {
	d.font("B", 10)
	slot10 := d.keySlot(rows)
	widest := 0.0
	for _, row := range rows {
		widest = max(widest, rowSlots(row))
	}
	pt = min(keyMaxPt, 10*w/(slot10*widest))
	return pt, slot10 * pt / 10
}

// keySlot is the width of the widest character of the key, plus spacing.
func (d *Doc) keySlot(rows [][]string) float64 {
	widest := d.pdf.GetStringWidth("0")
	for _, row := range rows {
		for _, g := range row {
			for _, r := range g {
				widest = max(widest, d.pdf.GetStringWidth(string(r)))
			}
		}
	}
	return widest * keySlotFactor
}

// rowSlots counts the slots of a row: its characters and its dashes.
func rowSlots(row []string) float64 {
	n := float64(len(row)-1) * keyDashSlots
	for _, g := range row {
		n += float64(len([]rune(g)))
	}
	return n
}

// keyRow draws one row of groups centred in the box, one slot per character.
func (d *Doc) keyRow(row []string, slot, y, lineH, boxW float64) {
	x := marginX + (boxW-rowSlots(row)*slot)/2
	for i, g := range row {
		if i > 0 {
			d.textColor(colMuted)
			d.pdf.SetXY(x, y)
			d.pdf.CellFormat(slot*keyDashSlots, lineH, "-", "", 0, "C", false, 0, "")
			x += slot * keyDashSlots
		}
		d.textColor(colText)
		for _, r := range g {
			d.pdf.SetXY(x, y)
			d.pdf.CellFormat(slot, lineH, string(r), "", 0, "C", false, 0, "")
			x += slot
		}
	}
}

func chunk(s []string, n int) [][]string {
	var out [][]string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return append(out, s)
}

// fillInLine prints a label followed by a line to write on by hand.
func (d *Doc) fillInLine(label string) {
	const h = 12.0
	d.EnsureSpace(h)
	y := d.pdf.GetY()
	d.font("B", bodyFontPt)
	d.textColor(colText)
	labelW := d.pdf.GetStringWidth(label) + 2*d.pdf.GetCellMargin()
	d.pdf.SetXY(marginX, y+h-bodyLineH-1)
	d.pdf.CellFormat(labelW, bodyLineH, label, "", 0, "L", false, 0, "")
	d.drawColor(colText)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginX+labelW+1, y+h-1.5, marginX+d.Width(), y+h-1.5)
	d.pdf.SetXY(marginX, y+h)
}
