package data

import (
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// MotionType is what a motion decides. The house's MeetingSettings say
// which vote rule each type needs.
type MotionType string

// Motion types.
const (
	MotionGeneral       MotionType = "general"
	MotionAcceptMinutes MotionType = "accept-minutes" // accepts the last meeting's minutes
	MotionAdmitMember   MotionType = "admit-member"
	MotionDismissMember MotionType = "dismiss-member"
	MotionHouseRules    MotionType = "house-rules" // adopt or change a house rule
	MotionSpending      MotionType = "spending"    // spend house money
)

// MotionTypes lists the types in the order forms offer them.
var MotionTypes = []MotionType{MotionGeneral, MotionAcceptMinutes, MotionAdmitMember, MotionDismissMember, MotionHouseRules, MotionSpending}

// Label is how people name the type.
func (t MotionType) Label() string {
	switch t {
	case MotionGeneral:
		return "General"
	case MotionAcceptMinutes:
		return "Accept last minutes"
	case MotionAdmitMember:
		return "Admit a new member"
	case MotionDismissMember:
		return "Ask a member to leave"
	case MotionHouseRules:
		return "House rules"
	case MotionSpending:
		return "Spending"
	}
	return string(t)
}

func (t MotionType) valid() bool {
	for _, v := range MotionTypes {
		if v == t {
			return true
		}
	}
	return false
}

// VoteRule is the share of votes a motion needs to pass.
//
// With MoreThan the votes for must be more than Num/Den (a simple majority
// is more than 1/2, so a tie fails); without it, at least Num/Den (exactly
// two-thirds passes a two-thirds rule). The share is of the votes cast for
// and against (abstentions do not count), or, with OfPresent, of everyone
// present (so abstaining counts against).
type VoteRule struct {
	Num       int  `json:"num"`
	Den       int  `json:"den"`
	MoreThan  bool `json:"more_than"`
	OfPresent bool `json:"of_present"`
}

// Common rules.
var (
	SimpleMajority = VoteRule{Num: 1, Den: 2, MoreThan: true}
	TwoThirds      = VoteRule{Num: 2, Den: 3}
	FourFifths     = VoteRule{Num: 4, Den: 5} // Oxford House admits a new member with 80%
)

// IsZero reports whether no rule is set.
func (r VoteRule) IsZero() bool { return r == VoteRule{} }

// String describes the rule: "simple majority", "two-thirds of votes cast".
func (r VoteRule) String() string {
	if r == SimpleMajority {
		return "simple majority"
	}
	share := fmt.Sprintf("%d/%d", r.Num, r.Den)
	switch {
	case r.Num == 2 && r.Den == 3:
		share = "two-thirds"
	case r.Num == 3 && r.Den == 4:
		share = "three-quarters"
	}
	quant := "at least "
	if r.MoreThan {
		quant = "more than "
	}
	base := " of votes cast"
	if r.OfPresent {
		base = " of residents present"
	}
	return quant + share + base
}

func (r VoteRule) validate() error {
	if r.Den <= 0 || r.Num <= 0 || r.Num > r.Den {
		return fmt.Errorf("a vote rule needs a share between 1/%d and 1 (got %d/%d)", max(r.Den, 1), r.Num, r.Den)
	}
	return nil
}

// Passes reports whether votes for, against, with present residents,
// carry the motion under the rule. No votes never pass.
func (r VoteRule) Passes(forVotes, against, present int) bool {
	base := forVotes + against
	if r.OfPresent {
		base = present
	}
	if base <= 0 || forVotes <= 0 {
		return false
	}
	if r.MoreThan {
		return forVotes*r.Den > r.Num*base
	}
	return forVotes*r.Den >= r.Num*base
}

// Outcome is what became of a motion.
type Outcome string

// Outcomes.
const (
	OutcomePassed Outcome = "passed"
	OutcomeFailed Outcome = "failed"
	OutcomeTabled Outcome = "tabled" // put off to a later meeting, carried as old business
)

// Motion is a proposal put to the meeting and the vote on it.
type Motion struct {
	ID       string     `json:"id"`
	Type     MotionType `json:"type"`
	Text     string     `json:"text"`
	Mover    PersonRef  `json:"mover"`
	Seconder PersonRef  `json:"seconder"`
	For      int        `json:"for"`
	Against  int        `json:"against"`
	Abstain  int        `json:"abstain"`
	// Rule is the rule the vote was counted by; when zero, saving fills it
	// from the house's MeetingSettings for Type. Kept with the motion, so
	// changing the settings later does not change past outcomes.
	Rule   VoteRule `json:"rule"`
	Tabled bool     `json:"tabled"` // put off to a later meeting instead of a vote
	// Outcome is computed from the votes and the rule when the meeting is saved.
	Outcome Outcome `json:"outcome"`
	// ResolvedIn is, for a tabled motion, the meeting that took it up.
	ResolvedIn string `json:"resolved_in,omitempty"`
}

// Motion form field names, shared with the UI so errors land by the field.
const (
	FieldMotionText = "Motion"
	FieldMotionType = "Type"
	FieldMover      = "Moved by"
	FieldSeconder   = "Seconded by"
	FieldVotes      = "Votes"
	FieldVoteRule   = "Vote rule"
)

// MotionField names a field of the i-th motion (from 0) in a
// ValidationError: "Motion 2: Seconded by".
func MotionField(i int, field string) string { return fmt.Sprintf("Motion %d: %s", i+1, field) }

// Decide computes the outcome with present residents.
func (mo Motion) Decide(present int) Outcome {
	if mo.Tabled {
		return OutcomeTabled
	}
	rule := mo.Rule
	if rule.IsZero() {
		rule = SimpleMajority
	}
	if rule.Passes(mo.For, mo.Against, present) {
		return OutcomePassed
	}
	return OutcomeFailed
}

// Votes is "7 for, 2 against, 1 abstaining".
func (mo Motion) Votes() string {
	return fmt.Sprintf("%d for, %d against, %d abstaining", mo.For, mo.Against, mo.Abstain)
}

func (mo *Motion) tidy() {
	mo.Text = strings.TrimSpace(mo.Text)
	mo.Mover.Name = strings.TrimSpace(mo.Mover.Name)
	mo.Seconder.Name = strings.TrimSpace(mo.Seconder.Name)
	if mo.Type == "" {
		mo.Type = MotionGeneral
	}
}

// CheckMotion validates a motion against this meeting's roll call, field
// by field (use it in the motion dialog before saving): it needs text, a
// mover and a different seconder who are at the meeting, and no more votes
// than residents present (present or late).
func (m Meeting) CheckMotion(mo Motion) ValidationError {
	mo.tidy()
	var v ValidationError
	if mo.Text == "" {
		v.add(FieldMotionText, "write what the motion proposes")
	}
	if !mo.Type.valid() {
		v.add(FieldMotionType, "choose the kind of motion")
	}
	m.checkMotionPeople(mo, &v)
	m.checkVotes(mo, &v)
	if !mo.Rule.IsZero() {
		if err := mo.Rule.validate(); err != nil {
			v.add(FieldVoteRule, err.Error())
		}
	}
	return v
}

func (m Meeting) checkMotionPeople(mo Motion, v *ValidationError) {
	switch {
	case mo.Mover.IsZero():
		v.add(FieldMover, "choose who moved the motion")
	case !m.atMeeting(mo.Mover):
		v.add(FieldMover, mo.Mover.Name+" is not marked present or late")
	}
	switch {
	case mo.Seconder.IsZero():
		v.add(FieldSeconder, "a motion needs a seconder")
	case mo.Seconder.Same(mo.Mover):
		v.add(FieldSeconder, "the seconder must be someone other than the mover")
	case !m.atMeeting(mo.Seconder):
		v.add(FieldSeconder, mo.Seconder.Name+" is not marked present or late")
	}
}

// atMeeting reports whether p may take part: a resident on the roll must
// be marked present or late; anyone else (a manager, a guest) may.
func (m Meeting) atMeeting(p PersonRef) bool {
	for _, a := range m.Roll {
		if p.ResidentID != "" && a.ResidentID == p.ResidentID {
			return a.Status.There()
		}
	}
	return true
}

func (m Meeting) checkVotes(mo Motion, v *ValidationError) {
	if mo.For < 0 || mo.Against < 0 || mo.Abstain < 0 {
		v.add(FieldVotes, "vote counts cannot be negative")
		return
	}
	present := m.Present()
	// each count is checked alone first: three huge counts could overflow
	// when added and pass as a small (or negative) total
	if mo.For > present || mo.Against > present || mo.Abstain > present {
		v.add(FieldVotes, fmt.Sprintf("more votes counted than the %d residents present or late; check the counts or the roll call", present))
		return
	}
	total := mo.For + mo.Against + mo.Abstain
	if total > present {
		v.add(FieldVotes, fmt.Sprintf("%d votes counted (%d for, %d against, %d abstaining) but only %d residents are present or late; check the counts or the roll call",
			total, mo.For, mo.Against, mo.Abstain, present))
	}
}

// --- settings ----------------------------------------------------------

const keyMeetingSettings = "meta/meeting-settings"

// MeetingSettings are the house's rules for meetings: the vote rule for
// each type of motion, and which kinds of meeting residents must attend
// (their absences count against the resident's week).
type MeetingSettings struct {
	V        int                     `json:"v"`
	Default  VoteRule                `json:"default"`         // for types without a rule of their own
	Rules    map[MotionType]VoteRule `json:"rules,omitempty"` // per type
	Required []MeetingKind           `json:"required"`        // kinds whose roll call counts
}

// DefaultMeetingSettings: a simple majority, 80% to admit a member (as in
// Oxford House), two-thirds to change house rules or ask a member to leave;
// house business and emergency meetings are required.
func DefaultMeetingSettings() MeetingSettings {
	return MeetingSettings{
		Default: SimpleMajority,
		Rules: map[MotionType]VoteRule{
			MotionAdmitMember:   FourFifths,
			MotionDismissMember: TwoThirds,
			MotionHouseRules:    TwoThirds,
		},
		Required: []MeetingKind{MeetingHouse, MeetingEmergency},
	}
}

// RuleFor returns the vote rule for a type of motion.
func (ms MeetingSettings) RuleFor(t MotionType) VoteRule {
	if r, ok := ms.Rules[t]; ok && !r.IsZero() {
		return r
	}
	if ms.Default.IsZero() {
		return SimpleMajority
	}
	return ms.Default
}

// IsRequired reports whether attendance at meetings of kind counts for
// accountability.
func (ms MeetingSettings) IsRequired(kind MeetingKind) bool {
	for _, k := range ms.Required {
		if k == kind {
			return true
		}
	}
	return false
}

func (ms MeetingSettings) validate() ValidationError {
	var v ValidationError
	if err := ms.Default.validate(); err != nil {
		v.add(FieldVoteRule, "default: "+err.Error())
	}
	for t, r := range ms.Rules {
		if err := r.validate(); err != nil {
			v.add(FieldVoteRule, t.Label()+": "+err.Error())
		}
	}
	return v
}

// MeetingSettings returns the house's meeting rules, or the defaults when
// none were saved.
func (s *Store) MeetingSettings() (MeetingSettings, error) {
	var ms MeetingSettings
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, keyMeetingSettings, &ms) })
	if errors.Is(err, ErrNotFound) {
		return DefaultMeetingSettings(), nil
	}
	if err != nil {
		return MeetingSettings{}, fmt.Errorf("read meeting settings: %w", err)
	}
	return ms, nil
}

// SaveMeetingSettings saves the house's meeting rules. Motions already
// voted keep the rule they were counted by.
func (s *Store) SaveMeetingSettings(by Actor, ms MeetingSettings) error {
	if v := ms.validate(); len(v) > 0 {
		return v
	}
	ms.V = schemaVersion
	err := s.write(by, "meeting-settings.update", "meeting rules", func(txn *badger.Txn) error {
		return putJSON(txn, keyMeetingSettings, ms)
	})
	if err != nil {
		return fmt.Errorf("save meeting settings: %w", err)
	}
	return nil
}

// --- search ------------------------------------------------------------

const pfxMotion = "motion/" // motion/<YYYYMMDD>/<meetingID>/<motionID>: MotionHit

// MotionHit is a motion found by SearchMotions, with its meeting.
type MotionHit struct {
	MeetingID     string      `json:"meeting_id"`
	MeetingKind   MeetingKind `json:"meeting_kind"`
	MeetingNumber int         `json:"meeting_number"`
	MeetingLabel  string      `json:"meeting_label"`
	Date          Date        `json:"date"`
	Motion        Motion      `json:"motion"`
}

func motionIndexKey(m Meeting, motionID string) string {
	return pfxMotion + meetingDateKey(m.Date) + "/" + m.ID + "/" + motionID
}

// indexMotions replaces old's motion digests with m's.
func indexMotions(txn *badger.Txn, old, m Meeting) error {
	for _, mo := range old.Motions {
		if err := txn.Delete([]byte(motionIndexKey(old, mo.ID))); err != nil {
			return fmt.Errorf("unindex motion: %w", err)
		}
	}
	for _, mo := range m.Motions {
		hit := MotionHit{MeetingID: m.ID, MeetingKind: m.Kind, MeetingNumber: m.Number, MeetingLabel: m.Label(), Date: m.Date, Motion: mo}
		if err := putJSON(txn, motionIndexKey(m, mo.ID), hit); err != nil {
			return err
		}
	}
	return nil
}

// SearchMotions finds the house's decisions: motions of every meeting whose
// text, mover, seconder, type or outcome hold every word of query (any
// case), newest first. An empty query lists every motion.
func (s *Store) SearchMotions(query string) ([]MotionHit, error) {
	words := strings.Fields(strings.ToLower(query))
	var out []MotionHit
	err := s.read(func(txn *badger.Txn) error {
		return keyRangeJSON(txn, pfxMotion, pfxMotion, pfxMotion+"\xff", true, func(_ string, h MotionHit) (bool, error) {
			if matchesAll(h.searchText(), words) {
				out = append(out, h)
			}
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("search motions: %w", err)
	}
	return out, nil
}

func (h MotionHit) searchText() string {
	mo := h.Motion
	return strings.ToLower(strings.Join([]string{mo.Text, mo.Mover.Name, mo.Seconder.Name,
		mo.Type.Label(), string(mo.Outcome), h.MeetingLabel}, " "))
}

func matchesAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
