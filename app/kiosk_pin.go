package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PIN lengths the pad accepts (data.ValidatePIN has the rules).
const (
	pinPadMin = 4
	pinPadMax = 6
)

// pinPad is the kiosk's number pad: big digits 0 to 9, Clear and a
// backspace, OK and Cancel. Keyboard digits, Backspace, Enter and Escape
// work too (see kioskScreen.typedKey). The digits typed show as dots.
type pinPad struct {
	k        *kioskScreen
	who      *widget.Label
	prompt   *widget.Label
	dots     *widget.Label
	msg      *widget.Label
	digits   string
	onOK     func(pin string)
	onCancel func()
	keys     map[string]*widget.Button // "0".."9", "back", "clear", "ok", "cancel"
	view     fyne.CanvasObject
	scale    float32 // the kiosk's scale it was built for
}

// showPad shows the PIN pad for who, asking prompt. ok gets the digits
// typed; cancel runs on Cancel or Escape. The pad is built once per kiosk
// and reused, so a resident's every tap does not build (and the drivers
// cache) a new set of keys.
func (k *kioskScreen) showPad(who, prompt string, ok func(pin string), cancel func()) *pinPad {
	p := k.padCache
	if p == nil || p.scale != k.u.kioskScale() { // first time, or the screen changed
		p = k.newPad()
		k.padCache = p
	}
	p.onOK, p.onCancel = ok, cancel
	p.who.SetText(who)
	p.prompt.SetText(prompt)
	p.digits = ""
	p.msg.SetText("")
	p.show()
	k.setPage(kioskPINPage, p.view)
	k.pad = p
	return p
}

// newPad builds the pad's keys and labels.
func (k *kioskScreen) newPad() *pinPad {
	p := &pinPad{k: k, keys: map[string]*widget.Button{}, scale: k.u.kioskScale()}
	p.who = kioskHeading("")
	p.who.Alignment = fyne.TextAlignCenter
	p.prompt = kioskLabel("", theme.SizeNameSubHeadingText)
	p.prompt.Alignment = fyne.TextAlignCenter
	p.dots = widget.NewLabelWithStyle(" ", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.dots.SizeName = theme.SizeNameHeadingText
	p.msg = kioskLabel("", theme.SizeNameText)
	p.msg.Alignment = fyne.TextAlignCenter
	p.msg.Importance = widget.DangerImportance

	key := k.u.kioskSize(136, 80)                                       // a digit key
	wide := fyne.NewSize((3*key.Width+2*theme.Padding())/2, key.Height) // Cancel, OK
	cellSized := func(name, label string, icon fyne.Resource, size fyne.Size, fn func()) fyne.CanvasObject {
		b, o := k.u.kioskKey(label, icon, size, fn)
		p.keys[name] = b
		return o
	}
	cell := func(name, label string, icon fyne.Resource, fn func()) fyne.CanvasObject {
		return cellSized(name, label, icon, key, fn)
	}
	var keys []fyne.CanvasObject
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		keys = append(keys, cell(d, d, nil, func() { p.press(d) }))
	}
	keys = append(keys,
		cell("clear", "Clear", nil, p.clear),
		cell("0", "0", nil, func() { p.press("0") }),
		cell("back", "", theme.NavigateBackIcon(), p.back))
	grid := container.NewGridWithColumns(3, keys...)
	cancelKey := cellSized("cancel", "Cancel", theme.CancelIcon(), wide, p.cancel)
	okKey := cellSized("ok", "OK", theme.ConfirmIcon(), wide, p.ok)
	p.keys["ok"].Importance = widget.HighImportance
	actions := container.NewGridWithColumns(2, cancelKey, okKey)
	pad := container.NewVBox(grid, kioskGap(6), actions)
	info := container.NewVBox(p.who, p.prompt, p.dots, p.msg)
	p.view = container.NewGridWithColumns(2, container.NewCenter(container.NewGridWrap(fyne.NewSize(420, info.MinSize().Height+60), info)), container.NewCenter(pad))
	return p
}

// press adds a digit, up to six.
func (p *pinPad) press(d string) {
	p.k.touch()
	if len(p.digits) >= pinPadMax {
		return
	}
	p.digits += d
	p.show()
}

// back removes the last digit.
func (p *pinPad) back() {
	p.k.touch()
	if p.digits != "" {
		p.digits = p.digits[:len(p.digits)-1]
	}
	p.show()
}

// clear removes every digit.
func (p *pinPad) clear() {
	p.k.touch()
	p.digits = ""
	p.show()
}

func (p *pinPad) show() {
	dots := strings.Repeat("● ", len(p.digits))
	if dots == "" {
		dots = " "
	}
	p.dots.SetText(strings.TrimSpace(dots) + " ")
	if p.digits != "" {
		p.msg.SetText("")
	}
}

// ok hands the digits on, when there are 4 to 6 of them.
func (p *pinPad) ok() {
	p.k.touch()
	if len(p.digits) < pinPadMin {
		p.fail("Type 4 to 6 digits, then OK.")
		return
	}
	pin := p.digits
	p.digits = ""
	p.show()
	p.onOK(pin)
}

func (p *pinPad) cancel() {
	p.k.touch()
	if p.onCancel != nil {
		p.onCancel()
	}
}

// fail shows why the PIN was not taken and clears the digits.
func (p *pinPad) fail(msg string) {
	p.digits = ""
	p.show()
	p.msg.Importance = widget.DangerImportance
	p.msg.SetText(msg)
}
