package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"porchlight/data"
)

// PeerPhonesOptions is what the peer phone list prints.
type PeerPhonesOptions struct {
	House    string
	Date     data.Date          // the day the list was made
	Contacts []data.PeerContact // Store.PeerPhoneList: only residents who agreed
	Size     PageSize
	Printed  time.Time // the print date in the footer; now if zero
	Notice   string    // the footer notice; DefaultNotice if empty
}

// PeerPhones writes the peer phone list: the residents who agreed that
// other residents may call them, with their preferred name, phone and
// pathways, for reaching out between meetings. It prints the date and says
// that only residents who agreed are listed.
func PeerPhones(w io.Writer, opts PeerPhonesOptions) error {
	d, err := New(Options{
		Title: "Peer phone list", Subtitle: longDate(opts.Date), House: opts.House,
		Size: opts.Size, Printed: opts.Printed, Notice: opts.Notice,
	})
	if err != nil {
		return err
	}
	d.Paragraph("Only residents who agreed are listed. Reach out to each other between meetings — " +
		"a call can make a hard day easier. Please keep this list in the house and do not share it.")
	if len(opts.Contacts) == 0 {
		d.Paragraph("No resident has agreed to be listed yet.")
	} else {
		rows := make([][]string, len(opts.Contacts))
		for i, c := range opts.Contacts {
			rows[i] = []string{c.Name, c.Phone, strings.Join(c.Pathways, ", ")}
		}
		d.Table(Table{
			Columns: []Column{{Title: "Name", Width: 1.2}, {Title: "Phone", Width: 1}, {Title: "Pathways", Width: 1.8}},
			Rows:    rows,
		})
	}
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: peer phone list: %w", err)
	}
	return d.Write(w)
}
