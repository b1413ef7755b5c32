// Package templates holds the pages and static assets, embedded in the binary.
// layout.html wraps every page; pages/NAME.html defines the blocks "title" and
// "content" of one page; parts/NAME.html defines a block several pages share
// (every page may use every part); static/ holds the stylesheet and the little script.
package templates

import "embed"

// FS holds every page template and asset.
//
//go:embed layout.html pages/*.html parts/*.html static/*
var FS embed.FS
