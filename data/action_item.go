package data

import (
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// ActionItem is a task a meeting gave someone, with a due date. It lives
// in the meeting that made it and is carried into the old business of
// every later business meeting until it is marked done.
type ActionItem struct {
	ID    string    `json:"id"`
	Text  string    `json:"text"`
	Owner PersonRef `json:"owner"`
	Due   Date      `json:"due"`
	// Done is kept once saved: UpdateMeeting never clears it (a later
	// meeting may have closed the item); use ReopenActionItem.
	Done   bool `json:"done"`
	DoneOn Date `json:"done_on"`
}

// Action item form field names, shared with the UI.
const (
	FieldItemText  = "Action"
	FieldItemOwner = "Owner"
	FieldItemDue   = "Due date"
)

// Overdue reports whether the item is open past its due date.
func (it ActionItem) Overdue(today Date) bool { return !it.Done && it.Due.Before(today) }

func (it *ActionItem) tidy() {
	it.Text = strings.TrimSpace(it.Text)
	it.Owner.Name = strings.TrimSpace(it.Owner.Name)
}

func (it ActionItem) validate(meetingDate Date) ValidationError {
	var v ValidationError
	if it.Text == "" {
		v.add(FieldItemText, "write what is to be done")
	}
	if it.Owner.IsZero() {
		v.add(FieldItemOwner, "choose who will do it")
	}
	switch {
	case it.Due.IsZero():
		v.add(FieldItemDue, "enter the due date")
	case it.Due.Before(meetingDate):
		v.add(FieldItemDue, "the due date is before the meeting ("+meetingDate.Pretty()+")")
	}
	return v
}

// OpenItem is an open action item with the meeting that gave it.
type OpenItem struct {
	ActionItem
	MeetingID    string `json:"meeting_id"`
	MeetingLabel string `json:"meeting_label"`
	MeetingDate  Date   `json:"meeting_date"`
}

// --- the carry index ---------------------------------------------------------

// carry/<itemID> holds every open action item and unresolved tabled
// motion, so a new meeting's old business reads a handful of keys, not the
// house's whole history.
const pfxCarry = "carry/"

type carryRef struct {
	MeetingKey string      `json:"meeting"`
	Kind       CarriedKind `json:"kind"`
}

// indexCarried replaces old's entries in the carry index with m's open
// action items and unresolved tabled motions.
func indexCarried(txn *badger.Txn, old, m Meeting) error {
	for _, id := range carriedIDs(old) {
		if err := txn.Delete([]byte(pfxCarry + id)); err != nil {
			return fmt.Errorf("unindex open item: %w", err)
		}
	}
	key := meetingKey(m.Date, m.ID)
	for _, it := range m.ActionItems {
		if !it.Done {
			if err := putJSON(txn, pfxCarry+it.ID, carryRef{key, CarriedActionItem}); err != nil {
				return err
			}
		}
	}
	for _, mo := range m.Motions {
		if mo.Tabled && mo.ResolvedIn == "" {
			if err := putJSON(txn, pfxCarry+mo.ID, carryRef{key, CarriedTabledMotion}); err != nil {
				return err
			}
		}
	}
	return nil
}

func carriedIDs(m Meeting) []string {
	var ids []string
	for _, it := range m.ActionItems {
		ids = append(ids, it.ID)
	}
	for _, mo := range m.Motions {
		ids = append(ids, mo.ID)
	}
	return ids
}

// openCarried lists everything the carry index holds, as old business,
// oldest first.
func openCarried(txn *badger.Txn) ([]CarriedItem, error) {
	cache := map[string]Meeting{}
	var out []CarriedItem
	err := scanKeyJSON(txn, pfxCarry, func(key string, ref carryRef) error {
		m, err := cachedMeeting(txn, cache, ref.MeetingKey)
		if err != nil {
			return err
		}
		if c, ok := carriedFrom(m, strings.TrimPrefix(key, pfxCarry)); ok {
			out = append(out, c)
		}
		return nil
	})
	sortBy(out, func(c CarriedItem) string {
		return c.FromDate.String() + " " + string(c.Kind) + " " + c.Due.String() + " " + c.Text
	})
	return out, err
}

func cachedMeeting(txn *badger.Txn, cache map[string]Meeting, key string) (Meeting, error) {
	if m, ok := cache[key]; ok {
		return m, nil
	}
	var m Meeting
	if err := getJSON(txn, key, &m); err != nil {
		return Meeting{}, fmt.Errorf("read meeting of an open item: %w", err)
	}
	cache[key] = m
	return m, nil
}

// carriedFrom finds item id (an action item or a motion) in m.
func carriedFrom(m Meeting, id string) (CarriedItem, bool) {
	c := CarriedItem{ItemID: id, FromMeetingID: m.ID, FromNumber: m.Number, FromDate: m.Date}
	for _, it := range m.ActionItems {
		if it.ID == id {
			c.Kind, c.Text, c.Owner, c.Due = CarriedActionItem, it.Text, it.Owner, it.Due
			return c, true
		}
	}
	for _, mo := range m.Motions {
		if mo.ID == id {
			c.Kind, c.Text, c.Owner = CarriedTabledMotion, mo.Text, mo.Mover
			return c, true
		}
	}
	return CarriedItem{}, false
}

// resolveCarried closes, at their source, the carried items that m marks
// done: action items become done on m's date, tabled motions resolved in m.
func resolveCarried(txn *badger.Txn, m Meeting) error {
	for _, c := range m.Sections.OldBusiness.Carried {
		if !c.Done {
			continue
		}
		err := closeItem(txn, c.ItemID, func(src *Meeting) {
			markClosed(src, c.ItemID, m.Date, m.ID)
		})
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}

// closeItem changes, with apply, the meeting holding the open item id and
// drops the item from the carry index. ErrNotFound: the item is not open.
func closeItem(txn *badger.Txn, id string, apply func(*Meeting)) error {
	var ref carryRef
	if err := getJSON(txn, pfxCarry+id, &ref); err != nil {
		return err
	}
	var src Meeting
	if err := getJSON(txn, ref.MeetingKey, &src); err != nil {
		return fmt.Errorf("read meeting of an open item: %w", err)
	}
	old := src
	src = src.clone()
	apply(&src)
	if err := putJSON(txn, ref.MeetingKey, src); err != nil {
		return err
	}
	if err := indexMotions(txn, old, src); err != nil {
		return err
	}
	return indexCarried(txn, old, src)
}

func markClosed(m *Meeting, id string, on Date, inMeeting string) {
	for i := range m.ActionItems {
		if m.ActionItems[i].ID == id {
			m.ActionItems[i].Done, m.ActionItems[i].DoneOn = true, on
		}
	}
	for i := range m.Motions {
		if m.Motions[i].ID == id {
			m.Motions[i].ResolvedIn = inMeeting
		}
	}
}

// keepClosed carries into m what old already closed: done action items
// stay done, resolved tabled motions stay resolved.
func keepClosed(old Meeting, m *Meeting) {
	done := map[string]ActionItem{}
	for _, it := range old.ActionItems {
		if it.Done {
			done[it.ID] = it
		}
	}
	for i, it := range m.ActionItems {
		if d, ok := done[it.ID]; ok && !it.Done {
			m.ActionItems[i].Done, m.ActionItems[i].DoneOn = true, d.DoneOn
		}
	}
	resolved := map[string]string{}
	for _, mo := range old.Motions {
		resolved[mo.ID] = mo.ResolvedIn
	}
	for i, mo := range m.Motions {
		if mo.ResolvedIn == "" {
			m.Motions[i].ResolvedIn = resolved[mo.ID]
		}
	}
}

// --- store -------------------------------------------------------------------

// OpenActionItems lists every action item not yet done, from all meetings,
// by due date.
func (s *Store) OpenActionItems() ([]OpenItem, error) {
	var out []OpenItem
	err := s.read(func(txn *badger.Txn) error {
		cache := map[string]Meeting{}
		return scanKeyJSON(txn, pfxCarry, func(key string, ref carryRef) error {
			if ref.Kind != CarriedActionItem {
				return nil
			}
			m, err := cachedMeeting(txn, cache, ref.MeetingKey)
			if err != nil {
				return err
			}
			out = append(out, openItemsOf(m, strings.TrimPrefix(key, pfxCarry))...)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list open action items: %w", err)
	}
	sortBy(out, func(o OpenItem) string { return o.Due.String() + " " + o.Text })
	return out, nil
}

func openItemsOf(m Meeting, id string) []OpenItem {
	for _, it := range m.ActionItems {
		if it.ID == id && !it.Done {
			return []OpenItem{{ActionItem: it, MeetingID: m.ID, MeetingLabel: m.Label(), MeetingDate: m.Date}}
		}
	}
	return nil
}

// CarriedBusiness lists what the next business meeting would carry as old
// business: open action items and tabled motions not yet taken up.
func (s *Store) CarriedBusiness() ([]CarriedItem, error) {
	var out []CarriedItem
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = openCarried(txn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list old business: %w", err)
	}
	return out, nil
}

// CompleteActionItem marks an open action item done on a date, outside a
// meeting (e.g. from the dashboard). It changes only the item, so it needs
// no reason even when its meeting's minutes were accepted.
func (s *Store) CompleteActionItem(by Actor, itemID string, on Date) error {
	err := s.write(by, "action-item.done", "action item", func(txn *badger.Txn) error {
		return closeItem(txn, itemID, func(m *Meeting) { markClosed(m, itemID, on, "") })
	})
	if errors.Is(err, ErrNotFound) {
		return errors.New("that action item is already done, or no longer exists")
	}
	if err != nil {
		return fmt.Errorf("mark action item done: %w", err)
	}
	return nil
}

// ReopenActionItem marks a done action item open again, so it is carried
// to the next meeting.
func (s *Store) ReopenActionItem(by Actor, meetingID, itemID string) error {
	err := s.write(by, "action-item.reopen", "action item", func(txn *badger.Txn) error {
		m, key, err := getMeeting(txn, meetingID)
		if err != nil {
			return err
		}
		old := m
		m = m.clone()
		if !reopenItem(&m, itemID) {
			return errors.New("that meeting has no such action item")
		}
		if err := putJSON(txn, key, m); err != nil {
			return err
		}
		return indexCarried(txn, old, m)
	})
	if err != nil {
		return fmt.Errorf("reopen action item: %w", err)
	}
	return nil
}

func reopenItem(m *Meeting, id string) bool {
	for i := range m.ActionItems {
		if m.ActionItems[i].ID == id {
			m.ActionItems[i].Done, m.ActionItems[i].DoneOn = false, Date{}
			return true
		}
	}
	return false
}
