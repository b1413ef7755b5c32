// Package demo loads a believable demo province into an empty store.
package demo

import (
	"context"

	"petitions/store"
)

// Options tune the demo data set.
type Options struct {
	Seed  int64
	Cases int // how many cases; 0 means the default
}

// Load fills an empty database with the demo province; loaded is false when the
// database already held units.
func Load(ctx context.Context, s *store.Store, opt Options) (loaded bool, err error) {
	return false, nil
}
