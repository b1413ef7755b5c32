package handlers

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"petitions/templates"

	"petitions/workflow"
)

// TestVocabularyHasLabelsInBothLanguages: the pages name every kind, state,
// event, clock and deadline status of the workflow in Vietnamese and in
// English. A missing key shows the bare key on the page; an empty English
// label falls back to Vietnamese silently (translate), so both must be set.
func TestVocabularyHasLabelsInBothLanguages(t *testing.T) {
	// The clocks are those of workflow.ClockNames and of every row of the
	// statute table (workflow checks that the latter are among the former).
	clocks := names(workflow.ClockNames)
	for _, r := range workflow.Statute {
		if !slices.Contains(clocks, string(r.Clock)) {
			clocks = append(clocks, string(r.Clock))
		}
	}
	for _, tc := range []struct {
		prefix string
		names  []string
	}{
		{"kind.", names(workflow.Kinds)},
		{"state.", names(workflow.States)},
		// every event a history can hold: the table's, receive, recount and correct
		{"event.", names(workflow.Events)},
		{"clock.", clocks},
		{"status.", names(workflow.Statuses)},
		{"complexity.", names(workflow.Complexities)},
		{"session.", names(workflow.SessionKinds)},
		{"visit.", names(workflow.VisitOutcomes)},
		{"host.", names([]workflow.SessionHost{workflow.HostHead, workflow.HostDeputy, workflow.HostStaff})},
		{"sstate.", names([]workflow.SessionState{workflow.SessionScheduled, workflow.SessionHeld, workflow.SessionCancelled})},
		{"form.", names([]workflow.SessionForm{workflow.FormDirect, workflow.FormOnline})},
		{"level.", names(workflow.HeadLevels)},
		{"refusal.", refusalCodes()},
		{"period.", []string{string(workflow.PerWeek), string(workflow.PerMonth)}},
	} {
		if len(tc.names) == 0 {
			t.Errorf("%s: nothing to check", tc.prefix)
		}
		for _, n := range tc.names {
			key := tc.prefix + n
			m, ok := messages[key]
			switch {
			case !ok:
				t.Errorf("%s: no label", key)
			case m[0] == "":
				t.Errorf("%s: no Vietnamese label (%q)", key, m)
			case m[1] == "":
				t.Errorf("%s: no English label (%q)", key, m)
			}
		}
	}
	// Every event field's label, its optional label and its choices' labels.
	for _, f := range workflow.Fields {
		keys := []string{f.Label}
		if f.Optional != "" {
			keys = append(keys, f.Optional)
		}
		for _, k := range keys {
			if m := messages[k]; m[0] == "" || m[1] == "" {
				t.Errorf("field %s: label %s is %q", f.Name, k, m)
			}
		}
	}
	// The system events must be among those checked, whatever becomes of the table.
	for _, e := range []workflow.Event{workflow.EvReceive, workflow.EvRecount, workflow.EvCorrect} {
		if !slices.Contains(workflow.Events, e) {
			t.Errorf("workflow.Events lacks %s", e)
		}
	}
}

func names[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestTemplateLabelsExist: every label a page names by a literal key ({{.T
// "key"}} or {{$.T "key"}}) has a Vietnamese and an English text; a missing
// one would print its bare key on the page.
func TestTemplateLabelsExist(t *testing.T) {
	literal := regexp.MustCompile(`\.T "([a-z0-9_.\-]+)"`)
	files, err := fs.Glob(templates.FS, "*/*.html")
	if err != nil {
		t.Fatal(err)
	}
	layout, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range append(files, layout...) {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			checked++
			if msg, ok := messages[m[1]]; !ok || msg[0] == "" || msg[1] == "" {
				t.Errorf("%s: label %q is %q", name, m[1], msg)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d labels found in the templates; the pattern no longer matches them", checked)
	}
}

func refusalCodes() []string {
	var out []string
	for _, r := range workflow.RefusalReasons {
		out = append(out, r.Code)
	}
	return out
}
