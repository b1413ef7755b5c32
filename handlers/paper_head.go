package handlers

import (
	"fmt"
	"strings"

	"petitions/store"
	"petitions/workflow"
)

// paperHead is the heading of an administrative paper in the layout of
// NĐ 30/2020/NĐ-CP: the issuing body under the body above it, and the place
// and date of the date line (the place is the province's name). A People's
// Committee issues under its own name alone (workflow.IssuingBody).
type paperHead struct {
	Unit, Parent string // the issuing body and the body above it
	Place        string // the place of the date line
	DateLine     string // "ngày 25 tháng 11 năm 2026"
}

// headOf is the heading of a paper the unit issues on the day.
func headOf(units []store.Unit, unitID int64, on workflow.Date) paperHead {
	byID := map[int64]store.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	u := byID[unitID]
	h := paperHead{Unit: u.Name,
		DateLine: fmt.Sprintf("ngày %02d tháng %02d năm %d", on.Time().Day(), int(on.Time().Month()), on.Year())}
	if u.ParentID != nil {
		h.Parent = byID[*u.ParentID].Name
	}
	for u.ParentID != nil { // the province names the place
		u = byID[*u.ParentID]
	}
	h.Place = strings.TrimPrefix(strings.TrimPrefix(u.Name, "Tỉnh "), "Thành phố ")
	if h.Unit = workflow.IssuingBody(h.Unit); workflow.PeoplesCommittee(h.Unit) {
		h.Parent = ""
	}
	return h
}
