package data_test

import (
	"bytes"
	"testing"

	"porchlight/app/report"
	"porchlight/data"
)

// BenchmarkHistoryWeeklyReport is last week's manager copy (notes and
// contacts ticked) gathered from the store and drawn to PDF, on the same
// houses as the other history benchmarks; its baseline draws the same
// gathered week from memory, without the store.
func BenchmarkHistoryWeeklyReport(b *testing.B) {
	for _, years := range []int{0, 1, 10} {
		name := map[int]string{0: "history=new", 1: "history=1y", 10: "history=10y"}[years]
		b.Run(name, func(b *testing.B) {
			st := data.HistoryStore(b, years).Store
			opts := historyReportOpts(st)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				rep, err := st.WeeklyReport(opts.Query())
				if err != nil {
					b.Fatal(err)
				}
				if err := report.WriteWeekly(&bytes.Buffer{}, rep, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("baseline=10y-from-memory", func(b *testing.B) {
		st := data.HistoryStore(b, 10).Store
		opts := historyReportOpts(st)
		rep, err := st.WeeklyReport(opts.Query())
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if err := report.WriteWeekly(&bytes.Buffer{}, rep, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func historyReportOpts(st *data.Store) report.WeeklyOptions {
	return report.WeeklyOptions{Week: st.Today().AddDays(-7), Copy: data.CopyManager, Paper: report.A4,
		Sensitive: data.SensitiveParts{Notes: true, Contacts: true}, PreparedBy: data.DemoManager,
		By: data.System, Printed: st.Now()}
}
