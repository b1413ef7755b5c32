package store

import (
	"context"
	"errors"

	"petitions/workflow"
)

// ExportCap is the most cases one export of a list holds (README: the queue's
// export); a larger list is cut there and the export says so.
const ExportCap = 50000

// EachCase calls fn with every case of every page of ListCases for the same
// viewer and filter (f.Cursor and f.Limit are ignored), in queue order, up to
// max cases; more reports that further cases matched. Only one page is held
// at a time: a case's letter can be long. It returns ListCases's errors
// (forbidden for a role that may list nothing) and fn's.
//
// An export reads on the replica (replica.go); one that fails there after
// cases were handed to fn is not read again on the primary, which would hand
// them twice: its error is the answer.
func (s *Store) EachCase(ctx context.Context, v workflow.Viewer, f CaseFilter, max int, fn func(Case) error) (more bool, err error) {
	var given bool
	var cut error
	err = s.onReplica(ctx, func(ctx context.Context) error {
		if given {
			return cut
		}
		more, err = s.eachCase(ctx, v, f, max, func(c Case) error {
			given = true
			if err := fn(c); err != nil {
				return notTheReplicas{err}
			}
			return nil
		})
		cut = err
		return err
	})
	var own notTheReplicas
	if errors.As(err, &own) {
		err = own.error
	}
	return more, err
}

func (s *Store) eachCase(ctx context.Context, v workflow.Viewer, f CaseFilter, max int, fn func(Case) error) (more bool, err error) {
	f.Cursor, f.Limit = "", MaxPageSize
	n := 0
	for {
		page, next, err := s.ListCases(ctx, v, f)
		if err != nil {
			return false, err
		}
		for _, c := range page {
			if n == max {
				return true, nil
			}
			if err := fn(c); err != nil {
				return false, err
			}
			n++
		}
		if next == "" {
			return false, nil
		}
		f.Cursor = next
	}
}
