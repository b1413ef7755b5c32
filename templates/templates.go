// Package templates holds the pages and static assets, embedded in the binary.
// layout.html wraps every page; pages/NAME.html defines the blocks "title" and
// "content" of one page; static/ holds the stylesheet and the little script.
package templates

import "embed"

// FS holds every page template and asset.
//
//go:embed layout.html pages/*.html static/*
var FS embed.FS
