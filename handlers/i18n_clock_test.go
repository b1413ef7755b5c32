package handlers

import (
	"testing"

	"petitions/workflow"
)

// TestEveryClockHasLabelsInBothLanguages: the pages name every clock of the
// statute table in Vietnamese and in English.
func TestEveryClockHasLabelsInBothLanguages(t *testing.T) {
	for _, name := range workflow.ClockNames {
		m, ok := messages["clock."+string(name)]
		if !ok || m[0] == "" || m[1] == "" {
			t.Errorf("clock %s: labels %q", name, m)
		}
	}
}
