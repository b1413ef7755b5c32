package store

import (
	"encoding/json"

	"petitions/workflow"
)

// recordClock is a running clock as a history record keeps it: what the
// backlog as of a past day needs (which deadlines ran, and until when). The
// case row keeps every clock in full; the history's payloads say what each
// act did to them.
type recordClock struct {
	Name  workflow.ClockName `json:"name"`
	DueOn workflow.Date      `json:"due_on"`
}

// recordClocks is what a history record keeps of the clocks after its act:
// the running clocks as JSON (a list decodable as []workflow.Clock, as full
// records of earlier versions are) and the earliest due date, or nil.
func recordClocks(c workflow.Case) (clocks string, due any) {
	running := []recordClock{}
	for _, k := range c.RunningClocks() {
		running = append(running, recordClock{Name: k.Name, DueOn: k.DueOn})
	}
	b, _ := json.Marshal(running) // names and dates always marshal
	return string(b), nullDate(c.EarliestDue())
}

// dueOfClocks is the earliest running due date of a record's clocks: what
// history.due_on must say.
func dueOfClocks(clocks string) (string, error) {
	var ks []workflow.Clock
	if err := json.Unmarshal([]byte(clocks), &ks); err != nil {
		return "", err
	}
	d := workflow.Case{Clocks: ks}.EarliestDue()
	if d.IsZero() {
		return "", nil
	}
	return d.String(), nil
}
