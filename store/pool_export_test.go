package store

import "database/sql"

// ReaderStats are the reader pool's database/sql statistics.
func (s *Store) ReaderStats() sql.DBStats { return s.r.Stats() }
