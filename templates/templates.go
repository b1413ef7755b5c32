// Package templates holds the pages and static assets, embedded in the binary.
// layout.html wraps every page; pages/NAME.html defines the blocks "title" and
// "content" of one page; parts/NAME.html defines a block several pages share
// (every page may use every part); static/ holds the stylesheet and the little script;
// fonts/ the font papers are printed in as PDF (Liberation Serif, metric-compatible
// with Times New Roman and with Vietnamese glyphs; SIL Open Font License).
package templates

import "embed"

// FS holds every page template and asset.
//
//go:embed layout.html pages/*.html parts/*.html static/* fonts/*.ttf
var FS embed.FS
