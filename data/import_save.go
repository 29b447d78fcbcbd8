package data

import (
	"errors"
	"fmt"
	"io"

	badger "github.com/dgraph-io/badger/v4"
)

// ImportContext reads what parsing a residents file needs from the store.
func (s *Store) ImportContext(order DateOrder) (ImportContext, error) {
	h, err := s.House()
	if err != nil {
		return ImportContext{}, err
	}
	all, err := s.Residents()
	if err != nil {
		return ImportContext{}, err
	}
	occ, err := s.Occupancy()
	if err != nil {
		return ImportContext{}, fmt.Errorf("read bed occupancy: %w", err)
	}
	return ImportContext{House: h, Today: s.Today(), Existing: all, Occupied: occ, Order: order}, nil
}

// PrepareResidentImport parses a residents file against this house.
func (s *Store) PrepareResidentImport(r io.Reader, order DateOrder) (*ResidentImport, error) {
	ctx, err := s.ImportContext(order)
	if err != nil {
		return nil, err
	}
	return ParseResidentsCSV(r, ctx)
}

// ImportResidents saves the parsed rows in one transaction, audited as one
// import. A file with problems saves nothing (ErrImportProblems) unless
// skipBad, which saves the good rows. Every row is checked again against
// the house inside the transaction, so a bed taken since parsing refuses
// the whole import.
func (s *Store) ImportResidents(by Actor, imp *ResidentImport, skipBad bool) (int, error) {
	if len(imp.Problems) > 0 && !skipBad {
		return 0, ErrImportProblems
	}
	if len(imp.Rows) == 0 {
		return 0, nil
	}
	today := s.Today()
	subject := fmt.Sprintf("%d residents", len(imp.Rows))
	err := s.write(by, "resident.import", subject, func(txn *badger.Txn) error {
		var h House
		if err := getJSON(txn, keyHouse, &h); err != nil {
			return fmt.Errorf("read house settings: %w", err)
		}
		for _, row := range imp.Rows {
			if err := importOne(txn, h, today, row); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return 0, fmt.Errorf("import residents: the file has too many rows to import at once; split it in two")
	}
	if err != nil {
		return 0, fmt.Errorf("import residents: %w", err)
	}
	return len(imp.Rows), nil
}

func importOne(txn *badger.Txn, h House, today Date, row ImportRow) error {
	r := row.Resident
	r.ID, r.V, r.Status = newID(), schemaVersion, StatusActive
	r.EarlierSobriety, r.Stays, r.NameChangedOn = nil, nil, Date{}
	r.tidy()
	if v := r.validate(h, today); len(v) > 0 {
		return fmt.Errorf("line %d: %w", row.Line, v)
	}
	if err := moveBed(txn, h, r.ID, "", r.BedID); err != nil {
		return fmt.Errorf("line %d: %w", row.Line, err)
	}
	return putResident(txn, r)
}
