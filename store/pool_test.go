package store_test

import (
	"context"
	"sync"
	"testing"
)

// Reads at once beyond database/sql's default of two idle connections must
// not make the reader pool close connections and open new ones (keepOpen).
func TestReaderPoolKeepsItsConnections(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 50 {
				if _, _, err := s.Totals(ctx); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	st := s.ReaderStats()
	if st.MaxOpenConnections != 8 {
		t.Errorf("reader pool opens up to %d connections, want 8", st.MaxOpenConnections)
	}
	if st.MaxIdleClosed != 0 {
		t.Errorf("reader pool closed %d connections for want of room to keep them idle (opened %d)", st.MaxIdleClosed, st.OpenConnections)
	}
}
