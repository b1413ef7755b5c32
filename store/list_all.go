package store

import (
	"context"

	"petitions/workflow"
)

// ExportCap is the most cases one export of a list holds (README: the queue's
// export); a larger list is cut there and the export says so.
const ExportCap = 50000

// ListAllCases is every page of ListCases for the same viewer and filter
// (f.Cursor and f.Limit are ignored), in queue order, up to max cases; more
// reports that further cases matched. It returns ListCases's errors: forbidden
// for a role that may list nothing, invalid never (it writes its own cursors).
func (s *Store) ListAllCases(ctx context.Context, v workflow.Viewer, f CaseFilter, max int) (cases []Case, more bool, err error) {
	f.Cursor, f.Limit = "", MaxPageSize
	cases = []Case{}
	for {
		page, next, err := s.ListCases(ctx, v, f)
		if err != nil {
			return nil, false, err
		}
		for _, c := range page {
			if len(cases) == max {
				return cases, true, nil
			}
			cases = append(cases, c)
		}
		if next == "" {
			return cases, false, nil
		}
		f.Cursor = next
	}
}
