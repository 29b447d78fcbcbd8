package data

// The report log: a line for every report printed or saved as a PDF (the
// weekly house report, a resident's progress letter), naming the week or
// the resident, the copy, who, when and on what paper. Reports themselves
// are never kept: they are made again from the store, since a PDF on disk
// is not encrypted. The log is the house's record of what left it on paper.
//
// Keys:
//
//	rlog/<ts><rand>   one print, by time
//
// <ts> is timeKey; the ID is the key without the prefix.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

const pfxReportLog = "rlog/"

// ReportKind is which paper was printed.
type ReportKind string

// The papers the report log records.
const (
	ReportWeekly ReportKind = "weekly" // the weekly house report
	ReportLetter ReportKind = "letter" // a resident's progress letter
)

// ReportHow is how the paper left the app.
type ReportHow string

// Ways a report leaves the app.
const (
	ReportPrinted ReportHow = "printed" // sent to a printer
	ReportSaved   ReportHow = "saved"   // saved as a PDF file
)

// ReportPrint is one line of the report log.
type ReportPrint struct {
	V    int        `json:"v"`
	ID   string     `json:"id"`
	Kind ReportKind `json:"kind"`
	// Week is the first day of the weekly report's week.
	Week Date       `json:"week,omitempty"`
	Copy ReportCopy `json:"copy"`
	// Sensitive are the manager copy's sensitive parts included.
	Sensitive SensitiveParts `json:"sensitive"`
	// ResidentID is the progress letter's resident; Recipient who it was for.
	ResidentID string    `json:"resident_id,omitempty"`
	Recipient  string    `json:"recipient,omitempty"`
	How        ReportHow `json:"how"`
	Printer    string    `json:"printer,omitempty"` // the CUPS queue, when printed
	Paper      string    `json:"paper"`             // "A4" or "US Letter"
	By         Actor     `json:"by"`
	At         time.Time `json:"at"`
}

// LogReportPrint adds a line to the report log, stamped now and with by.
// Only staff print reports.
func (s *Store) LogReportPrint(by Actor, p ReportPrint) (ReportPrint, error) {
	if err := requireStaff(by); err != nil {
		return ReportPrint{}, err
	}
	p.V, p.By, p.At = schemaVersion, by, s.now()
	p.ID = timeID(p.At)
	p.Recipient, p.Printer = tidyText(p.Recipient), tidyText(p.Printer)
	subject := ""
	switch p.Kind {
	case ReportWeekly:
		if p.Week.IsZero() {
			return ReportPrint{}, ValidationError{{"Week", "choose a week"}}
		}
		subject = fmt.Sprintf("weekly report %s, %s", p.Week, strings.ToLower(p.Copy.String()))
	case ReportLetter:
		r, err := s.Resident(p.ResidentID)
		if err != nil {
			return ReportPrint{}, fmt.Errorf("log progress letter: %w", err)
		}
		subject = "progress letter for " + r.Short()
	default:
		return ReportPrint{}, fmt.Errorf("log report print: unknown report %q", p.Kind)
	}
	if p.How != ReportPrinted && p.How != ReportSaved {
		return ReportPrint{}, fmt.Errorf("log report print: unknown way %q", p.How)
	}
	err := s.write(by, "report."+string(p.How), subject, func(txn *badger.Txn) error {
		return putJSON(txn, pfxReportLog+p.ID, p)
	})
	if err != nil {
		return ReportPrint{}, fmt.Errorf("log %s: %w", subject, err)
	}
	return p, nil
}

// ReportPrints lists up to limit lines of the report log, newest first.
func (s *Store) ReportPrints(limit int) ([]ReportPrint, error) {
	var out []ReportPrint
	err := s.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxReportLog), Reverse: true, PrefetchValues: true, PrefetchSize: 32})
		defer it.Close()
		for it.Seek([]byte(pfxReportLog + "\xff")); it.Valid() && len(out) < limit; it.Next() {
			var p ReportPrint
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &p) }); err != nil {
				return fmt.Errorf("decode report log: %w", err)
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the report log: %w", err)
	}
	return out, nil
}
