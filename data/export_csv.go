package data

import (
	"encoding/csv"
	"io"
	"strings"
)

// WriteCSV writes the table as UTF-8 with a BOM (so Excel reads the accents), every
// cell made safe from being run as a formula.
func (t Table) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, row := range t.Rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = formulaSafe(c)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaSafe puts a quote before a cell a spreadsheet would run as a
// formula (= + - @, and tab or carriage return first).
func formulaSafe(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
