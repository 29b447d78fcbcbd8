package data

import (
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// House holds the house's settings: who it is, its beds, its curfews and the
// rules the other screens read.
type House struct {
	V       int    `json:"v"`
	Name    string `json:"name"`
	Address string `json:"address"`
	Beds    []Bed  `json:"beds"`
	// Curfews are local clock times: Sunday to Thursday nights, and Friday
	// and Saturday nights.
	CurfewWeeknight ClockTime    `json:"curfew_weeknight"`
	CurfewWeekend   ClockTime    `json:"curfew_weekend"`
	WeekStart       time.Weekday `json:"week_start"`
	// Phases are the names of the house's levels, in order (e.g. "Phase 1",
	// "Phase 2"). Read from the phase records; when saved, SaveHouse makes
	// the records follow this list (nil leaves them alone).
	Phases []string `json:"phases"`
	// PhaseRules are the phase records in order, filled on read; edit them
	// with SavePhase. Not stored with the house.
	PhaseRules []Phase `json:"-"`
	// IdleMinutes returns an unattended manager screen to the start screen.
	IdleMinutes int `json:"idle_minutes"`
	// PhaseCurfews and OutsideMeetings are the phase rules of stores before
	// version 2 and of a new house's first settings: Create and the
	// migration turn them into phase records and they are not stored after.
	PhaseCurfews    map[string]PhaseCurfew `json:"phase_curfews,omitempty"`
	OutsideMeetings map[string]int         `json:"outside_meetings,omitempty"`
	// KioskIdleSeconds returns the kiosk to the grid (0: 30 seconds).
	KioskIdleSeconds int `json:"kiosk_idle_seconds,omitempty"`
}

// Bed is one bed the house can fill.
type Bed struct {
	ID   string `json:"id"`
	Room string `json:"room"` // "Room 2"
	Name string `json:"name"` // "Bed A"
}

// Label is how a bed is shown: "Room 2 – Bed A".
func (b Bed) Label() string {
	if b.Name == "" {
		return b.Room
	}
	return b.Room + " – " + b.Name
}

// DefaultHouse is a sensible starting point for the setup screen.
func DefaultHouse() House {
	return House{
		CurfewWeeknight: ClockTime{22, 0},
		CurfewWeekend:   ClockTime{23, 59},
		WeekStart:       time.Monday,
		Phases:          []string{"Phase 1", "Phase 2", "Phase 3"},
		IdleMinutes:     10,

		// Kiosk rules: outside meetings a week per phase, idle seconds.
		OutsideMeetings:  map[string]int{"Phase 1": 5, "Phase 2": 3, "Phase 3": 2},
		KioskIdleSeconds: 30,
	}
}

// Bed returns the bed with the given ID.
func (h House) Bed(id string) (Bed, bool) {
	for _, b := range h.Beds {
		if b.ID == id {
			return b, true
		}
	}
	return Bed{}, false
}

// Curfew returns the curfew for the night that starts on date d: Friday
// and Saturday nights are weekend nights.
func (h House) Curfew(d Date) ClockTime {
	if wd := d.Weekday(); wd == time.Friday || wd == time.Saturday {
		return h.CurfewWeekend
	}
	return h.CurfewWeeknight
}

// ParseBeds reads the setup screen's rooms-and-beds text: one room per line,
// "Room name: bed, bed, ...". A room with no beds listed is a single bed.
//
//	Room 1: A, B
//	Room 2: Bed A, Bed B, Bed C
//	Annex
func ParseBeds(text string) ([]Bed, error) {
	var beds []Bed
	seen := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		room, list, _ := strings.Cut(line, ":")
		room = strings.TrimSpace(room)
		if room == "" {
			return nil, fmt.Errorf("line %d: write the room's name before the colon, e.g. \"Room 1: A, B\"", n+1)
		}
		names := splitList(list)
		if len(names) == 0 {
			names = []string{""}
		}
		for _, name := range names {
			if name != "" && len([]rune(name)) <= 2 {
				name = "Bed " + name
			}
			b := Bed{Room: room, Name: name}
			if seen[strings.ToLower(b.Label())] {
				return nil, fmt.Errorf("line %d: %s is listed twice", n+1, b.Label())
			}
			seen[strings.ToLower(b.Label())] = true
			beds = append(beds, b)
		}
	}
	if len(beds) == 0 {
		return nil, fmt.Errorf("list at least one room, e.g. \"Room 1: A, B\"")
	}
	return beds, nil
}

// FormatBeds writes beds back in ParseBeds' form.
func FormatBeds(beds []Bed) string {
	var lines []string
	var room string
	var names []string
	flush := func() {
		if room == "" {
			return
		}
		line := room
		if len(names) > 0 && !(len(names) == 1 && names[0] == "") {
			line += ": " + strings.Join(names, ", ")
		}
		lines = append(lines, line)
	}
	for _, b := range beds {
		if b.Room != room {
			flush()
			room, names = b.Room, nil
		}
		// ParseBeds writes "Bed " before names of one or two letters only,
		// so only those lose it here ("Bed Upper" stays "Bed Upper").
		name := b.Name
		if short := strings.TrimPrefix(name, "Bed "); short != name && short != "" && len([]rune(short)) <= 2 {
			name = short
		}
		names = append(names, name)
	}
	flush()
	return strings.Join(lines, "\n")
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// validate checks the house settings field by field.
func (h House) validate() ValidationError {
	var v ValidationError
	if strings.TrimSpace(h.Name) == "" {
		v.add("House name", "enter the house's name")
	}
	if len(h.Beds) == 0 {
		v.add("Rooms and beds", "list at least one room and bed")
	}
	if h.IdleMinutes < 1 || h.IdleMinutes > 240 {
		v.add("Idle minutes", "choose between 1 and 240 minutes")
	}
	return v
}

// House returns the house settings.
func (s *Store) House() (House, error) {
	var h House
	err := s.read(func(txn *badger.Txn) (err error) { h, err = s.readHouseCached(txn); return err })
	if err != nil {
		return House{}, fmt.Errorf("read house settings: %w", err)
	}
	return h, nil
}

// SaveHouse updates the house settings. Beds keep their IDs by label; a bed
// that a resident occupies cannot be removed. A non-nil h.Phases renames
// nothing but adds, reorders and deletes phase records to follow the list
// (a phase an active resident holds cannot be removed).
func (s *Store) SaveHouse(by Actor, h House) error {
	if v := h.validate(); len(v) > 0 {
		return v
	}
	return s.write(by, "house.update", h.Name, func(txn *badger.Txn) error {
		var old House
		if err := getJSON(txn, keyHouse, &old); err != nil {
			return fmt.Errorf("read house settings: %w", err)
		}
		h.Beds = keepBedIDs(old.Beds, h.Beds)
		if err := checkOccupiedBedsKept(txn, old.Beds, h.Beds); err != nil {
			return err
		}
		if h.Phases != nil {
			if err := syncPhaseNames(txn, h.Phases); err != nil {
				return err
			}
		}
		return writeHouse(txn, h)
	})
}

// keepBedIDs gives beds that keep their label the ID they had, and new beds
// a new ID, so residents stay in their beds when the list is edited.
func keepBedIDs(old, beds []Bed) []Bed {
	ids := map[string]string{}
	for _, b := range old {
		ids[strings.ToLower(b.Label())] = b.ID
	}
	out := make([]Bed, len(beds))
	for i, b := range beds {
		if b.ID == "" {
			b.ID = ids[strings.ToLower(b.Label())]
		}
		if b.ID == "" {
			b.ID = newID()
		}
		out[i] = b
	}
	return out
}

func checkOccupiedBedsKept(txn *badger.Txn, old, beds []Bed) error {
	kept := map[string]bool{}
	for _, b := range beds {
		kept[b.ID] = true
	}
	for _, b := range old {
		if kept[b.ID] {
			continue
		}
		var resID string
		if err := getJSON(txn, pfxBed+b.ID, &resID); err == nil {
			return ValidationError{{"Rooms and beds", b.Label() + " has a resident in it; move them to another bed before removing it"}}
		}
	}
	return nil
}

// ClockTime is a time of day, such as a curfew.
type ClockTime struct {
	Hour, Min int
}

// ParseClock reads "22:00", "10:30 pm", "2230" or "22".
func ParseClock(s string) (ClockTime, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.ReplaceAll(t, ".", "")
	for _, layout := range []string{"15:04", "1504", "15", "3:04pm", "3:04 pm", "3pm", "3 pm"} {
		if v, err := time.Parse(layout, t); err == nil {
			return ClockTime{v.Hour(), v.Minute()}, nil
		}
	}
	return ClockTime{}, fmt.Errorf("%q is not a time; use 24-hour HH:MM, e.g. 22:30", s)
}

// String is "22:30".
func (c ClockTime) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Min) }

// Valid reports whether c is a time of day: 00:00 to 23:59.
func (c ClockTime) Valid() bool { return c.Hour >= 0 && c.Hour <= 23 && c.Min >= 0 && c.Min <= 59 }

// MarshalText writes HH:MM. A time that does not exist (25:61) is refused,
// so no record holding one is ever saved.
func (c ClockTime) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("%02d:%02d is not a time of day", c.Hour, c.Min)
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads HH:MM.
func (c *ClockTime) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
