package workflow

import (
	"reflect"
	"testing"
)

// Apply is a pure function: whatever it decides, the case it was given is
// the same afterwards, clocks and the days they skipped included.
func TestApplyLeavesItsCaseAlone(t *testing.T) {
	env := testEnv()
	deep := func(c Case) Case {
		c.Clocks = append([]Clock(nil), c.Clocks...)
		for i := range c.Clocks {
			c.Clocks[i].Skipped = append([]Date(nil), c.Clocks[i].Skipped...)
		}
		return c
	}
	for _, v := range variants {
		for _, s := range States {
			base := reach(t, env, v.kind, v.round, s)
			for _, e := range allEvents {
				c, in := attempt(base, e)
				before := deep(c)
				n, _, err := Apply(c, in, head, env)
				if !reflect.DeepEqual(deep(c), before) {
					t.Errorf("%s/%s/%s: Apply changed the case it was given", v.name, s, e)
				}
				if err == nil && len(n.Clocks) > 0 && len(c.Clocks) > 0 && &n.Clocks[0] == &c.Clocks[0] && !clockless[e] {
					t.Errorf("%s/%s/%s: the new case shares the clocks of the old", v.name, s, e)
				}
			}
		}
	}
}
