package data

import (
	"fmt"
	"strings"
)

// rowParser turns the file's rows into residents, collecting problems.
type rowParser struct {
	imp      *ResidentImport
	ctx      ImportContext
	bedLine  map[string]int // bed ID -> line that took it in this file
	nameLine map[string]int // folded "first last" -> first line with it
	existing map[string]bool
}

func newRowParser(imp *ResidentImport, ctx ImportContext) *rowParser {
	p := &rowParser{imp: imp, ctx: ctx, bedLine: map[string]int{}, nameLine: map[string]int{}, existing: map[string]bool{}}
	for _, r := range ctx.Existing {
		p.existing[nameKey(r.First, r.Last)] = true
	}
	return p
}

func nameKey(first, last string) string { return foldKey(first) + "|" + foldKey(last) }

// rowReader reads one row's cells by field and gathers its problems.
type rowReader struct {
	p        *rowParser
	line     int
	cells    map[ImportField]string
	columns  map[ImportField]string // field -> the header naming it
	problems []ImportProblem
}

func (rr *rowReader) get(f ImportField) string { return rr.cells[f] }

func (rr *rowReader) fail(f ImportField, format string, args ...any) {
	col := rr.columns[f]
	if col == "" {
		col = string(f)
	}
	rr.problems = append(rr.problems, ImportProblem{Line: rr.line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// row reads one record. Blank rows are skipped without a word.
func (p *rowParser) row(line int, rec []string) {
	if blankRecord(rec) {
		return
	}
	rr := &rowReader{p: p, line: line, cells: map[ImportField]string{}, columns: map[ImportField]string{}}
	for i, f := range p.imp.Mapping {
		if f == ImportIgnore || i >= len(rec) {
			continue
		}
		rr.cells[f] = cleanCell(rec[i])
		rr.columns[f] = strings.TrimSpace(p.imp.Header[i])
	}
	if len(rec) > len(p.imp.Mapping) && !blankRecord(rec[len(p.imp.Mapping):]) {
		p.imp.Warnings = append(p.imp.Warnings, ImportProblem{Line: line,
			Msg: fmt.Sprintf("%d cells beyond the header's %d columns were left out", len(rec)-len(p.imp.Mapping), len(p.imp.Mapping))})
	}
	if st := foldKey(rr.get(ImportStatus)); st != "" && st != "active" && st != "current" && st != "in house" {
		p.imp.Warnings = append(p.imp.Warnings, ImportProblem{Line: line, Column: rr.columns[ImportStatus],
			Msg: fmt.Sprintf("status is %q: only current residents are imported; this row was left out", rr.get(ImportStatus))})
		return
	}
	r := rr.resident()
	if len(rr.problems) == 0 {
		rr.checkBed(&r)
	}
	if len(rr.problems) > 0 {
		p.imp.Problems = append(p.imp.Problems, rr.problems...)
		p.imp.BadRows++
		return
	}
	p.warnDuplicate(line, r)
	p.imp.Rows = append(p.imp.Rows, ImportRow{Line: line, Resident: r})
}

// cleanCell trims a cell and removes the quote a spreadsheet export puts
// before a cell starting with = + - @ (so it is not run as a formula).
func cleanCell(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		s = s[1:]
	}
	return s
}

// resident builds the row's resident and checks its values.
func (rr *rowReader) resident() Resident {
	h := rr.p.ctx.House
	r := Resident{V: schemaVersion, Status: StatusActive}
	rr.names(&r)
	r.Preferred, r.Phone, r.HomeGroup = rr.get(ImportPreferred), rr.get(ImportPhone), rr.get(ImportHomeGroup)
	r.Notes = rr.get(ImportNotes)
	r.Sponsor = Contact{Name: rr.get(ImportSponsor), Phone: rr.get(ImportSponsorTel)}
	r.Emergency = SplitContact(rr.get(ImportEmergency))
	if v := rr.get(ImportEmergPhone); v != "" {
		r.Emergency.Phone = v
	}
	if v := rr.get(ImportEmergRel); v != "" {
		r.Emergency.Relation = v
	}
	r.Languages = splitAny(rr.get(ImportLanguages), ";,/")
	r.MoveIn = rr.date(ImportMoveIn)
	r.Sobriety = rr.date(ImportSobriety)
	if v := rr.get(ImportPhase); v != "" {
		ph, err := matchPhase(h, v)
		if err != nil {
			rr.fail(ImportPhase, "%v", err)
		}
		r.Phase = ph
	}
	if v := rr.get(ImportPathways); v != "" {
		ps, err := matchPathways(v)
		if err != nil {
			rr.fail(ImportPathways, "%v", err)
		}
		r.Pathways = ps
	}
	rr.bed(&r)
	r.tidy()
	if len(rr.problems) == 0 {
		for _, fe := range r.validate(h, rr.p.ctx.Today) {
			rr.fail(fieldImport(fe.Field), "%s", fe.Msg)
		}
	}
	return r
}

// fieldImport maps a resident form field to the import field feeding it.
func fieldImport(field string) ImportField {
	switch field {
	case FieldFirst:
		return ImportFirst
	case FieldLast:
		return ImportLast
	case FieldBed:
		return ImportBed
	}
	return ImportField(field)
}

// names fills the legal names, splitting a single name column as
// "Last, First" or "First Last".
func (rr *rowReader) names(r *Resident) {
	r.First, r.Last = rr.get(ImportFirst), rr.get(ImportLast)
	full := rr.get(ImportFullName)
	if full == "" || (r.First != "" && r.Last != "") {
		return
	}
	if last, first, ok := strings.Cut(full, ","); ok {
		r.First, r.Last = strings.TrimSpace(first), strings.TrimSpace(last)
		return
	}
	words := strings.Fields(full)
	if len(words) < 2 {
		rr.fail(ImportFullName, "write the first and last name (%q has only one name)", full)
		return
	}
	r.First, r.Last = strings.Join(words[:len(words)-1], " "), words[len(words)-1]
}

func (rr *rowReader) date(f ImportField) Date {
	v := rr.get(f)
	if v == "" {
		return Date{}
	}
	d, err := ParseImportDate(v, rr.p.ctx.Order)
	if err != nil {
		rr.fail(f, "%v", err)
	}
	return d
}

// bed finds the row's bed from a "Room and bed" column, or from separate
// room and bed columns.
func (rr *rowReader) bed(r *Resident) {
	label, field := rr.get(ImportBed), ImportBed
	room, bed := rr.get(ImportRoom), rr.get(ImportBedOnly)
	switch {
	case label != "":
	case room != "" && bed != "":
		label, field = room+" "+bed, ImportRoom
	case room != "":
		label, field = room, ImportRoom
	case bed != "":
		label, field = bed, ImportBedOnly
	default:
		return // validate says "choose a bed"
	}
	b, err := matchBed(rr.p.ctx.House, label)
	if err != nil {
		rr.fail(field, "%v", err)
		return
	}
	r.BedID = b.ID
}

// checkBed refuses a bed taken by a current resident or by an earlier row.
func (rr *rowReader) checkBed(r *Resident) {
	b, _ := rr.p.ctx.House.Bed(r.BedID)
	if _, taken := rr.p.ctx.Occupied[r.BedID]; taken {
		rr.fail(ImportBed, "%s is taken by a current resident", b.Label())
		return
	}
	if first, ok := rr.p.bedLine[r.BedID]; ok {
		rr.fail(ImportBed, "%s is also given on line %d", b.Label(), first)
		return
	}
	rr.p.bedLine[r.BedID] = rr.line
}

// warnDuplicate warns, without refusing, about a name already on record or
// earlier in the file.
func (p *rowParser) warnDuplicate(line int, r Resident) {
	k := nameKey(r.First, r.Last)
	switch first, dup := p.nameLine[k]; {
	case dup:
		p.imp.Warnings = append(p.imp.Warnings, ImportProblem{Line: line, Msg: fmt.Sprintf("same first and last name as line %d; check it is not the same person twice", first)})
	case p.existing[k]:
		p.imp.Warnings = append(p.imp.Warnings, ImportProblem{Line: line, Msg: "a resident with the same first and last name is already on record"})
	}
	if _, seen := p.nameLine[k]; !seen {
		p.nameLine[k] = line
	}
}
