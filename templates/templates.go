// Package templates holds the pages and static assets, embedded in the binary.
package templates

import "embed"

// FS holds every page template and asset.
//
//go:embed *.html
var FS embed.FS
