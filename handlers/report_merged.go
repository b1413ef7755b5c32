package handlers

import (
	"petitions/store"
	"petitions/workflow"
)

// A report's rows, and the units counted in each: its own cases, or asked
// "as merged", those of the units whose work passed to it (store.MergeUnit).

// unitRows are the report's rows, each unit's cells with those of the units merged into it.
func (q reportQuery) unitRows(r workflow.Report) []unitRow {
	var out []unitRow
	for _, u := range q.rows {
		if q.rowOf[u.ID] != u.ID {
			continue
		}
		cells := make([]float64, len(q.form.Columns))
		for _, x := range q.rows {
			if q.rowOf[x.ID] == u.ID {
				for i, c := range r.Rows[x.ID] {
					cells[i] += c
				}
			}
		}
		out = append(out, unitRow{u, cells})
	}
	return out
}

type unitRow struct {
	store.Unit
	cells []float64
}

// mergedInto are the units outside rows whose work passed, in the end, to one of them.
func mergedInto(all, rows []store.Unit, v workflow.Viewer) []store.Unit {
	byID, in := map[int64]store.Unit{}, map[int64]bool{}
	for _, u := range all {
		byID[u.ID] = u
	}
	for _, u := range rows {
		in[u.ID] = true
	}
	var out []store.Unit
	for _, u := range all {
		if in[u.ID] || u.SuccessorID == nil || !v.InScope(u.ID) {
			continue
		}
		at := u
		for step := 0; at.SuccessorID != nil && step < len(all); step++ {
			at = byID[*at.SuccessorID]
		}
		if in[at.ID] {
			out = append(out, u)
		}
	}
	return out
}

// rowsAsMerged maps each unit to itself, or when merged is asked to the last
// unit its work passed to within the rows (a successor outside them keeps
// the unit its own row).
func rowsAsMerged(rows []store.Unit, merged bool) map[int64]int64 {
	in, out := map[int64]store.Unit{}, map[int64]int64{}
	for _, u := range rows {
		in[u.ID] = u
	}
	for _, u := range rows {
		at := u
		for step := 0; merged && at.SuccessorID != nil && step < len(rows); step++ { // MergeUnit makes no loop; bounded all the same
			next, ok := in[*at.SuccessorID]
			if !ok {
				break
			}
			at = next
		}
		out[u.ID] = at.ID
	}
	return out
}
