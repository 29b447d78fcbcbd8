package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Importing residents from the spreadsheet a house keeps today: any column
// order under a header row, commas, semicolons or tabs, UTF-8 with or
// without a BOM, UTF-16 with a BOM, or Windows-1252 (what Excel writes).
// Parsing checks every row and names each problem by line and column;
// ImportResidents then saves the good rows in one audited transaction.

// ImportField is a resident field that a column of the file fills.
type ImportField string

// The fields a column can fill. "" leaves a column unused.
const (
	ImportIgnore     ImportField = ""
	ImportFirst      ImportField = FieldFirst
	ImportLast       ImportField = FieldLast
	ImportFullName   ImportField = "Name"
	ImportPreferred  ImportField = "Preferred name"
	ImportStatus     ImportField = "Status"
	ImportBed        ImportField = FieldBed
	ImportRoom       ImportField = "Room"
	ImportBedOnly    ImportField = "Bed"
	ImportMoveIn     ImportField = FieldMoveIn
	ImportSobriety   ImportField = FieldSobriety
	ImportPhase      ImportField = FieldPhase
	ImportPathways   ImportField = "Pathways"
	ImportPhone      ImportField = "Phone"
	ImportEmergency  ImportField = "Emergency contact"
	ImportEmergPhone ImportField = "Emergency phone"
	ImportEmergRel   ImportField = "Emergency relation"
	ImportHomeGroup  ImportField = "Home group"
	ImportSponsor    ImportField = "Sponsor"
	ImportSponsorTel ImportField = "Sponsor phone"
	ImportLanguages  ImportField = "Languages"
	ImportNotes      ImportField = "Notes"
)

// importSynonyms are header names (folded, see foldKey) for each field.
var importSynonyms = map[ImportField][]string{
	ImportFirst:      {"first", "first name", "firstname", "given name", "given names", "forename", "nombre", "prenom"},
	ImportLast:       {"last", "last name", "lastname", "surname", "family name", "apellido", "apellidos", "nom"},
	ImportFullName:   {"name", "full name", "resident", "resident name", "legal name"},
	ImportPreferred:  {"preferred", "preferred name", "nickname", "goes by", "known as", "alias"},
	ImportStatus:     {"status", "resident status"},
	ImportBed:        {"room and bed", "room bed", "bed label", "bed assignment", "room bed assignment"},
	ImportRoom:       {"room", "room number", "room no"},
	ImportBedOnly:    {"bed", "bed number", "bed no"},
	ImportMoveIn:     {"move in", "move in date", "movein", "moved in", "admitted", "admission", "admission date", "intake", "intake date", "start date", "date in", "entry date"},
	ImportSobriety:   {"sobriety", "sobriety date", "sober date", "sober since", "clean date", "clean since", "dos", "date of sobriety", "recovery date"},
	ImportPhase:      {"phase", "level", "stage", "current phase"},
	ImportPathways:   {"pathway", "pathways", "program", "programs", "recovery pathway", "recovery pathways", "fellowship", "fellowships"},
	ImportPhone:      {"phone", "phone number", "mobile", "mobile number", "cell", "cell phone", "telephone", "tel"},
	ImportEmergency:  {"emergency", "emergency contact", "emergency name", "emergency contact name", "in case of emergency", "ice"},
	ImportEmergPhone: {"emergency phone", "emergency contact phone", "emergency number", "ice phone"},
	ImportEmergRel:   {"emergency relation", "emergency relationship", "emergency contact relation", "emergency contact relationship", "relationship", "relation"},
	ImportHomeGroup:  {"home group", "homegroup"},
	ImportSponsor:    {"sponsor", "sponsor name", "mentor"},
	ImportSponsorTel: {"sponsor phone", "sponsor number", "sponsor tel"},
	ImportLanguages:  {"language", "languages", "spoken languages"},
	ImportNotes:      {"notes", "note", "comments", "comment"},
}

// GuessColumns maps each header to the field it most likely fills,
// matching names case- and accent-insensitively with common synonyms. A
// field goes to its first matching column only; the rest stay unused.
func GuessColumns(header []string) []ImportField {
	byKey := map[string]ImportField{}
	for f, names := range importSynonyms {
		for _, n := range names {
			byKey[n] = f
		}
	}
	out := make([]ImportField, len(header))
	taken := map[ImportField]bool{}
	for i, h := range header {
		f, ok := byKey[foldKey(h)]
		if ok && !taken[f] {
			out[i], taken[f] = f, true
		}
	}
	return out
}

// ImportContext is what parsing needs to know about the house.
type ImportContext struct {
	House    House
	Today    Date
	Existing []Resident        // everyone on record, to warn about duplicate names
	Occupied map[string]string // bed ID -> resident ID
	Order    DateOrder         // how to read 03/04/2026
	// Mapping overrides GuessColumns: one field per column of the file.
	Mapping []ImportField
}

// ImportProblem is one thing wrong (or worth a warning) in the file.
// Line 0 is about the file as a whole.
type ImportProblem struct {
	Line   int
	Column string // the column's header, or the field's name
	Msg    string
}

func (p ImportProblem) Error() string {
	switch {
	case p.Line == 0 && p.Column == "":
		return p.Msg
	case p.Line == 0:
		return p.Column + ": " + p.Msg
	case p.Column == "":
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d, %s: %s", p.Line, p.Column, p.Msg)
}

// ImportRow is a row read without problems, as it will be saved.
type ImportRow struct {
	Line     int
	Resident Resident
}

// ResidentImport is a parsed file: the rows that can be saved, every
// problem, and the warnings (duplicate names, rows left out, unused
// columns).
type ResidentImport struct {
	Encoding string // "UTF-8", "UTF-16", "Windows-1252"
	Header   []string
	Mapping  []ImportField
	Rows     []ImportRow
	Problems []ImportProblem
	Warnings []ImportProblem
	BadRows  int // rows with at least one problem
}

// ErrImportProblems refuses to save a file that has problems unless the
// bad rows are to be skipped.
var ErrImportProblems = errors.New("the file has problems; nothing was imported")

// MaxImportBytes is the largest file read (far more than any house keeps).
const MaxImportBytes = 32 << 20

// ParseResidentsCSV reads a residents file and checks every row against
// the house. The error is for a file that cannot be read as a table at
// all; problems with rows are in the result.
func ParseResidentsCSV(r io.Reader, ctx ImportContext) (*ResidentImport, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the file: %w", err)
	}
	if len(raw) > MaxImportBytes {
		return nil, fmt.Errorf("the file is larger than %d MB; is it the right file?", MaxImportBytes>>20)
	}
	text, enc, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	records, lines, err := readRecords(text)
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, errors.New("the file is empty: it needs a header row and a row per resident")
	}
	imp := &ResidentImport{Encoding: enc, Header: records[0], Mapping: ctx.Mapping}
	if imp.Mapping == nil {
		imp.Mapping = GuessColumns(imp.Header)
	}
	if err := imp.checkMapping(); err != nil {
		return nil, err
	}
	p := newRowParser(imp, ctx)
	for i := 1; i < len(records); i++ {
		p.row(lines[i], records[i])
	}
	return imp, nil
}

// decodeText turns the file's bytes into UTF-8 text.
func decodeText(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", "", fmt.Errorf("the file looks like UTF-16 but does not decode: %w", err)
		}
		return string(out), "UTF-16", nil
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", errors.New("the file is not text (it holds zero bytes); save it from the spreadsheet as CSV")
	}
	if utf8.Valid(raw) {
		return string(raw), "UTF-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("the file's text encoding is not UTF-8 or Windows-1252: %w", err)
	}
	return string(out), "Windows-1252", nil
}

// readRecords reads the table, choosing the separator from the header
// line, and returns each record with the line it starts on.
func readRecords(text string) ([][]string, []int, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sniffSeparator(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return records, lines, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("the file is not a readable CSV table: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if len(records) == 0 && blankRecord(rec) {
			continue // blank lines before the header
		}
		records, lines = append(records, rec), append(lines, line)
	}
}

// sniffSeparator picks comma, semicolon or tab: whichever the first line
// (outside quotes) has most of.
func sniffSeparator(text string) rune {
	first := strings.TrimLeft(text, "\r\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range first {
		if r == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		counts[r]++
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// checkMapping refuses a file with no column for a name or the move-in
// date, and warns about columns left unused.
func (imp *ResidentImport) checkMapping() error {
	if len(imp.Mapping) != len(imp.Header) {
		return fmt.Errorf("the column mapping has %d entries for %d columns", len(imp.Mapping), len(imp.Header))
	}
	has := map[ImportField]bool{}
	for i, f := range imp.Mapping {
		has[f] = true
		if f == ImportIgnore && strings.TrimSpace(imp.Header[i]) != "" {
			imp.Warnings = append(imp.Warnings, ImportProblem{Column: imp.Header[i], Msg: "column not used"})
		}
	}
	var missing []string
	if !has[ImportFullName] && !(has[ImportFirst] && has[ImportLast]) {
		missing = append(missing, "first name and last name")
	}
	if !has[ImportMoveIn] {
		missing = append(missing, "move-in date")
	}
	if !has[ImportBed] && !has[ImportRoom] && !has[ImportBedOnly] {
		missing = append(missing, "room and bed")
	}
	if len(missing) > 0 {
		return fmt.Errorf("the header row has no column for the %s (found: %s)",
			strings.Join(missing, ", "), strings.Join(imp.Header, ", "))
	}
	return nil
}
