package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The week roster's cells: a chore with its schedule, or a day's residents
// with the mark of where their chore stands; and the legend of the marks.

// rosterCell is one cell of the grid: a chore's name and details in the
// first column, a day's residents with their status in the others. It
// draws text directly, with less padding than labels, so a week of names
// fits the window; a name too long for one line takes two.
type rosterCell struct {
	widget.BaseWidget
	bg        *canvas.Rectangle // marks today's column
	choreName [2]*canvas.Text   // a long name takes two lines
	choreInfo *canvas.Text
	chore     data.Chore
	isChore   bool
	seats     []rosterSeat
	cells     []data.RosterCell
	day       data.Date
	today     data.Date
}

// rosterSeat is one resident's place in a day cell: status icon, name (on
// a second line too when it does not fit one), lock.
type rosterSeat struct {
	icon *widget.Icon
	name [2]*canvas.Text
	lock *widget.Icon
}

// Sizes of the grid's cells.
func rosterLineH() float32 { return float32(math.Ceil(float64(theme.TextSize()) * 1.65)) }
func rosterPad() float32   { return theme.Padding() }
func rosterIconSize() float32 {
	return float32(math.Round(float64(theme.TextSize()) * 1.15))
}
func rosterChoreH() float32 {
	return 2*rosterPad() + rosterLineH() + float32(math.Ceil(float64(theme.CaptionTextSize())*1.5))
}

func newRosterCell() *rosterCell {
	c := &rosterCell{bg: canvas.NewRectangle(color.Transparent)}
	for i := range c.choreName {
		c.choreName[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		c.choreName[i].TextStyle.Bold = true
	}
	c.choreInfo = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	c.choreInfo.TextSize = theme.CaptionTextSize()
	c.ExtendBaseWidget(c)
	return c
}

func (c *rosterCell) CreateRenderer() fyne.WidgetRenderer { return &rosterCellRenderer{c: c} }

func (c *rosterCell) showChore(ch data.Chore) {
	c.isChore, c.chore, c.cells = true, ch, nil
	c.Refresh()
}

func (c *rosterCell) showSeats(cells []data.RosterCell, day, today data.Date) {
	c.isChore, c.cells, c.day, c.today = false, cells, day, today
	for len(c.seats) < len(cells) {
		s := rosterSeat{icon: widget.NewIcon(theme.CheckButtonIcon()), lock: widget.NewIcon(choreLockIcon)}
		for i := range s.name {
			s.name[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		}
		c.seats = append(c.seats, s)
	}
	c.Refresh()
}

type rosterCellRenderer struct {
	c    *rosterCell
	objs []fyne.CanvasObject
}

func (r *rosterCellRenderer) Destroy() {}

func (r *rosterCellRenderer) MinSize() fyne.Size { return fyne.NewSize(40, rosterLineH()) }

func (r *rosterCellRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *rosterCellRenderer) Refresh() {
	c := r.c
	r.objs = append(r.objs[:0], c.bg, c.choreName[0], c.choreName[1], c.choreInfo)
	for _, s := range c.seats {
		r.objs = append(r.objs, s.icon, s.name[0], s.name[1], s.lock)
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *rosterCellRenderer) Layout(size fyne.Size) {
	c := r.c
	pad, lineH, iconS := rosterPad(), rosterLineH(), rosterIconSize()
	c.bg.Move(fyne.NewPos(0, 0))
	c.bg.Resize(size)
	c.bg.FillColor = color.Transparent
	if !c.isChore && c.day == c.today {
		c.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	c.choreName[0].Hidden, c.choreName[1].Hidden, c.choreInfo.Hidden = !c.isChore, true, !c.isChore
	if c.isChore {
		w := size.Width - 2*pad
		y := pad
		for i, line := range choreNameLines(c.chore.Name) {
			t := c.choreName[i]
			t.Hidden = false
			t.Color = theme.Color(theme.ColorNameForeground)
			t.Text = choreFitText(line, w, t.TextSize, t.TextStyle)
			t.Move(fyne.NewPos(pad, y))
			t.Resize(fyne.NewSize(w, lineH))
			y += lineH
		}
		c.choreInfo.Color = theme.Color(theme.ColorNamePlaceHolder)
		c.choreInfo.Text = choreFitText(choreWhere(c.chore), w, c.choreInfo.TextSize, c.choreInfo.TextStyle)
		c.choreInfo.Move(fyne.NewPos(pad, y))
		c.choreInfo.Resize(fyne.NewSize(w, lineH))
	}
	y := pad
	for i, s := range c.seats {
		shown := !c.isChore && i < len(c.cells)
		s.icon.Hidden, s.name[0].Hidden, s.name[1].Hidden, s.lock.Hidden = !shown, !shown, true, true
		if !shown {
			continue
		}
		cell := c.cells[i]
		res, col := seatLook(cell, c.today)
		s.icon.SetResource(res)
		s.icon.Move(fyne.NewPos(pad, y+(lineH-iconS)/2))
		s.icon.Resize(fyne.NewSize(iconS, iconS))
		x := pad + iconS + pad
		w := size.Width - x - pad
		if cell.Locked {
			s.lock.Hidden = false
			s.lock.Move(fyne.NewPos(size.Width-pad-iconS, y+(lineH-iconS)/2))
			s.lock.Resize(fyne.NewSize(iconS, iconS))
			w -= iconS + pad/2
		}
		for k, line := range seatLines(cell, size.Width) {
			t := s.name[k]
			t.Hidden = false
			t.Color = theme.Color(col)
			t.TextStyle.Italic = cell.Excused != ""
			t.Text = choreFitText(line, w, t.TextSize, t.TextStyle)
			t.Move(fyne.NewPos(x, y))
			t.Resize(fyne.NewSize(w, lineH))
			y += lineH
		}
	}
	for _, o := range r.objs {
		if t, ok := o.(*canvas.Text); ok {
			t.Refresh()
		}
	}
	c.bg.Refresh()
}

// choreNameLines splits a chore's name into the lines the grid's chore
// column shows: one, or two when it is too long for one.
func choreNameLines(name string) []string {
	w := float32(rosterChoreWidth) - 2*rosterPad()
	style := fyne.TextStyle{Bold: true}
	if fyne.MeasureText(name, theme.TextSize(), style).Width <= w {
		return []string{name}
	}
	words := strings.Fields(name)
	first := words[0]
	for i := 1; i < len(words); i++ {
		next := first + " " + words[i]
		if fyne.MeasureText(next, theme.TextSize(), style).Width > w {
			return []string{first, strings.Join(words[i:], " ")}
		}
		first = next
	}
	return []string{name}
}

// choreWhere is the grid's line under a chore: "Mondays · Ground floor".
func choreWhere(ch data.Chore) string {
	parts := []string{ch.Schedule()}
	if ch.Area != "" {
		parts = append(parts, ch.Area)
	}
	return strings.Join(parts, " · ")
}

// choreFitText shortens s with "…" until it fits width.
func choreFitText(s string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && fyne.MeasureText(strings.TrimSpace(string(r))+"…", size, style).Width > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// choreDetail is a chore's second line: "Daily · Kitchen · 2 people".
func choreDetail(ch data.Chore) string {
	parts := []string{ch.Schedule()}
	if ch.Area != "" {
		parts = append(parts, ch.Area)
	}
	if ch.People > 1 {
		parts = append(parts, fmt.Sprintf("%d people", ch.People))
	}
	parts = append(parts, fmt.Sprintf("effort %d", ch.Effort))
	return strings.Join(parts, " · ")
}

// seatLines is a seat's name as a day cell of width cellW shows it: one
// line, or two split between words when one line would cut it ("Nobody" /
// "free"). Only a single word too long for the cell ends in "…".
func seatLines(c data.RosterCell, cellW float32) []string {
	pad, iconS := rosterPad(), rosterIconSize()
	w := cellW - 3*pad - iconS
	if c.Locked {
		w -= iconS + pad/2
	}
	style := fyne.TextStyle{Italic: c.Excused != ""}
	name := seatName(c)
	fits := func(s string) bool { return fyne.MeasureText(s, theme.TextSize(), style).Width <= w }
	if fits(name) {
		return []string{name}
	}
	words := strings.Fields(name)
	if len(words) < 2 {
		return []string{name}
	}
	first := words[0]
	for i := 1; i < len(words); i++ {
		next := first + " " + words[i]
		if !fits(next) {
			return []string{first, strings.Join(words[i:], " ")}
		}
		first = next
	}
	return []string{name}
}

func seatName(c data.RosterCell) string {
	if !c.Covered() {
		return "Nobody free"
	}
	return c.Short
}

// seatLook is the icon and text colour of an assignment in the grid.
func seatLook(c data.RosterCell, today data.Date) (fyne.Resource, fyne.ThemeColorName) {
	switch {
	case !c.Covered():
		return theme.NewWarningThemedResource(theme.WarningIcon()), theme.ColorNameWarning
	case c.Excused != "":
		return theme.NewColoredResource(theme.ContentRemoveIcon(), theme.ColorNamePlaceHolder), theme.ColorNamePlaceHolder
	case c.Status == data.ChoreVerified:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), theme.ColorNameSuccess
	case c.Status == data.ChoreDone:
		return theme.NewSuccessThemedResource(theme.CheckButtonCheckedIcon()), theme.ColorNameSuccess
	case c.Status == data.ChoreMissed:
		return theme.NewErrorThemedResource(theme.CancelIcon()), theme.ColorNameError
	case c.Day.Before(today):
		return theme.CheckButtonIcon(), theme.ColorNameWarning // its day is past and it is not ticked
	}
	return theme.CheckButtonIcon(), theme.ColorNameForeground
}

// rosterLegend explains the grid's marks.
func rosterLegend() fyne.CanvasObject {
	item := func(res fyne.Resource, text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return container.NewHBox(widget.NewIcon(res), l)
	}
	late := canvas.NewText("orange: its day is past, not ticked", theme.Color(theme.ColorNameWarning))
	late.TextSize = theme.CaptionTextSize()
	return container.NewHBox(
		item(theme.CheckButtonIcon(), "to do"),
		item(theme.NewSuccessThemedResource(theme.CheckButtonCheckedIcon()), "ticked done"),
		item(theme.NewSuccessThemedResource(theme.ConfirmIcon()), "verified"),
		item(theme.NewErrorThemedResource(theme.CancelIcon()), "missed"),
		item(theme.NewColoredResource(theme.ContentRemoveIcon(), theme.ColorNamePlaceHolder), "excused"),
		item(choreLockIcon, "locked: regenerating keeps it"),
		late,
	)
}

// choreLockIcon is a padlock (Material Design's "lock", Apache 2.0, as
// Fyne's own icons are).
var choreLockIcon = theme.NewThemedResource(&fyne.StaticResource{
	StaticName: "lock.svg",
	StaticContent: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
		`<path d="M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zm-6 9c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2zm3.1-9H8.9V6c0-1.71 1.39-3.1 3.1-3.1 1.71 0 3.1 1.39 3.1 3.1v2z"/></svg>`),
})
